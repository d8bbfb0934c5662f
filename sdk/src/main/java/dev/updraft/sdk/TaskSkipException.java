package dev.updraft.sdk;

/** Thrown by a task to end its try as {@code skipped} (Airflow's {@code AirflowSkipException}). */
public class TaskSkipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskSkipException(String reason) {
    super(reason);
  }
}
