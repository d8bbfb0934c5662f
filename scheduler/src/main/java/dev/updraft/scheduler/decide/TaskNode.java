package dev.updraft.scheduler.decide;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.TriggerRule;
import java.util.Objects;
import java.util.Set;

/**
 * One task instance of a DAG run, with what is needed to tell whether it can still run.
 *
 * @param taskId the task's id
 * @param state its state; {@code null} is Airflow's "none": created, not yet scheduled
 * @param triggerRule its trigger rule
 * @param upstreamTaskIds its direct upstream tasks
 */
public record TaskNode(
    String taskId, TaskState state, TriggerRule triggerRule, Set<String> upstreamTaskIds) {

  public TaskNode {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(triggerRule, "triggerRule");
    upstreamTaskIds = Set.copyOf(Objects.requireNonNull(upstreamTaskIds, "upstreamTaskIds"));
  }
}
