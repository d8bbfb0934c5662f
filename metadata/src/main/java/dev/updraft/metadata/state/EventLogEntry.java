package dev.updraft.metadata.state;

/**
 * An event-log row as the API lists it: the row, and the display names of its DAG and task where
 * those exist (Airflow's {@code dag_display_name} and {@code task_display_name}, which fall back to
 * the ids; {@code null} when the DAG or task instance is gone).
 */
public record EventLogEntry(EventLogRecord log, String dagDisplayName, String taskDisplayName) {}
