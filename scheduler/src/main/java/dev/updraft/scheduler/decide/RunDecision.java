package dev.updraft.scheduler.decide;

import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link RunStateDecider} decided.
 *
 * @param state the run's new state
 * @param reason why, with Airflow's words where it has them: {@code timed_out}, {@code
 *     task_failure}, {@code success}, {@code deadlock}, {@code running}
 * @param taskChanges task instances to set to a new state, by task id
 */
public record RunDecision(DagRunState state, String reason, Map<String, TaskState> taskChanges) {

  public RunDecision {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    taskChanges = Map.copyOf(Objects.requireNonNull(taskChanges, "taskChanges"));
  }
}
