/**
 * Airflow 3's timetables: when a DAG's automated runs happen, and what each run's logical date,
 * data interval and run-after time are.
 *
 * <p>{@link dev.updraft.scheduler.timetable.Timetables#of} picks the timetable for a DAG as Airflow
 * 3 does: {@code None} → {@link dev.updraft.scheduler.timetable.NullTimetable}, {@code @once} →
 * {@link dev.updraft.scheduler.timetable.OnceTimetable}, {@code @continuous} → {@link
 * dev.updraft.scheduler.timetable.ContinuousTimetable}, a cron expression or preset → {@link
 * dev.updraft.scheduler.timetable.CronTriggerTimetable} (or Airflow 2's {@link
 * dev.updraft.scheduler.timetable.CronDataIntervalTimetable} behind {@code
 * create_cron_data_intervals}), an interval → {@link
 * dev.updraft.scheduler.timetable.DeltaTriggerTimetable}. {@link
 * dev.updraft.scheduler.timetable.Backfills} lists the runs of a backfill.
 *
 * <p>{@link dev.updraft.scheduler.timetable.RunRequestScheduler} uses Quartz only to wake up when
 * runs fall due; the timetable always decides which runs those are.
 */
package dev.updraft.scheduler.timetable;
