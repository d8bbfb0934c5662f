package dev.updraft.sdk;

/** A DAG run's state, with Airflow's names ({@link #value()}). */
public enum DagRunState {
  QUEUED("queued"),
  RUNNING("running"),
  SUCCESS("success"),
  FAILED("failed");

  private final String value;

  DagRunState(String value) {
    this.value = value;
  }

  /** Airflow's name of the state. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
