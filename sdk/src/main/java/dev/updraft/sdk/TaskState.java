package dev.updraft.sdk;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** A task instance's state, with Airflow's names ({@link #value()}). */
public enum TaskState {
  SCHEDULED("scheduled"),
  QUEUED("queued"),
  RUNNING("running"),
  SUCCESS("success"),
  RESTARTING("restarting"),
  FAILED("failed"),
  UP_FOR_RETRY("up_for_retry"),
  UP_FOR_RESCHEDULE("up_for_reschedule"),
  UPSTREAM_FAILED("upstream_failed"),
  SKIPPED("skipped"),
  REMOVED("removed"),
  DEFERRED("deferred");

  private static final Set<TaskState> FINISHED =
      Set.of(SUCCESS, FAILED, SKIPPED, UPSTREAM_FAILED, REMOVED);

  private final String value;

  TaskState(String value) {
    this.value = value;
  }

  /** Airflow's name of the state, e.g. {@code upstream_failed}. */
  public String value() {
    return value;
  }

  /** Whether the task instance will not change state again unless cleared. */
  public boolean isFinished() {
    return FINISHED.contains(this);
  }

  /** The state with Airflow's name {@code value}, if there is one. */
  public static Optional<TaskState> fromValue(String value) {
    return Arrays.stream(values()).filter(state -> state.value.equals(value)).findFirst();
  }

  @Override
  public String toString() {
    return value;
  }
}
