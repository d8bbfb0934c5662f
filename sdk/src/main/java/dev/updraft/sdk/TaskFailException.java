package dev.updraft.sdk;

/**
 * Thrown by a task to fail at once, without the retries it has left (Airflow's {@code
 * AirflowFailException}). Any other exception fails the try and is retried if retries remain.
 */
public class TaskFailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskFailException(String message) {
    super(message);
  }

  public TaskFailException(String message, Throwable cause) {
    super(message, cause);
  }
}
