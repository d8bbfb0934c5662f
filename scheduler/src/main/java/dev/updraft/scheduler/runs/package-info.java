/**
 * Scheduled run creation: {@link dev.updraft.scheduler.runs.ScheduledRuns} keeps the Quartz
 * wake-ups of {@link dev.updraft.scheduler.timetable.RunRequestScheduler} in step with the loaded
 * DAGs and their paused flags, and {@link dev.updraft.scheduler.runs.ScheduledRunCreator} turns
 * each due run into a queued {@code dag_run} row, idempotently, as Airflow 3's scheduler does.
 */
package dev.updraft.scheduler.runs;
