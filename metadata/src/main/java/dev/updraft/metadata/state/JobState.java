package dev.updraft.metadata.state;

import java.util.Arrays;

/** A job's state, with Airflow's names ({@link #value()}). */
public enum JobState {
  RUNNING("running"),
  SUCCESS("success"),
  FAILED("failed"),
  RESTARTING("restarting");

  private final String value;

  JobState(String value) {
    this.value = value;
  }

  /** Airflow's name, as stored in {@code job.state}. */
  public String value() {
    return value;
  }

  /** The state named {@code value}; an error naming it for anything else. */
  public static JobState fromValue(String value) {
    return Arrays.stream(values())
        .filter(state -> state.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown job state '" + value + "'"));
  }

  @Override
  public String toString() {
    return value;
  }
}
