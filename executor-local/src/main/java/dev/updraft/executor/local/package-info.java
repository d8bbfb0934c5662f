/**
 * Process management for the local executor: each task try runs as a supervised child process
 * (usually a child JVM built by {@link dev.updraft.executor.local.JavaCommand}) whose output goes
 * to the try's Airflow-style log file ({@link dev.updraft.scheduler.logs.TryLogPaths}). {@link
 * dev.updraft.executor.local.ProcessSupervisor} starts processes and stops their whole process tree
 * on timeout or cancellation (SIGTERM, then SIGKILL after a grace period).
 */
package dev.updraft.executor.local;
