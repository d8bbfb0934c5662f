package dev.updraft.metadata.state.internal;

import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Reads the SDK's state enums back from the lower-case names stored in the database. */
public final class States {
  private States() {}

  /** The task state stored as {@code value}; {@code null} (Airflow's "none") stays null. */
  public static TaskState taskState(String value) {
    if (value == null) {
      return null;
    }
    return TaskState.fromValue(value)
        .orElseThrow(() -> new IllegalStateException("unknown task state in database: " + value));
  }

  /** The DAG run state stored as {@code value}. */
  public static DagRunState dagRunState(String value) {
    return Arrays.stream(DagRunState.values())
        .filter(state -> state.value().equals(value))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("unknown dag run state in database: " + value));
  }

  /** The stored names of {@code states}, for {@code IN (...)} lists. */
  public static List<String> dagRunValues(Collection<DagRunState> states) {
    return states.stream().map(DagRunState::value).toList();
  }
}
