/**
 * Pure scheduling decisions, following Airflow's scheduler: which scheduled task instances to queue
 * ({@link dev.updraft.scheduler.decide.QueueSelector}), what state a DAG run is in ({@link
 * dev.updraft.scheduler.decide.RunStateDecider}) and whether a retry is due ({@link
 * dev.updraft.scheduler.decide.RetryReadiness}). No I/O and no clock: the caller passes {@code
 * now}.
 */
package dev.updraft.scheduler.decide;
