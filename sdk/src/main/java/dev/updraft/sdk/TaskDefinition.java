package dev.updraft.sdk;

import dev.updraft.sdk.task.Operator;
import java.util.List;
import java.util.Objects;

/**
 * One task of a built {@link Dag}.
 *
 * @param taskId the task's id, unique in its DAG
 * @param operator what the task does
 * @param args the DAG's default args overridden by the task's own (not yet completed with Airflow's
 *     defaults; see {@link TaskArgs#resolve()})
 * @param upstreamTaskIds the tasks that must finish first: explicit dependencies, XCom arguments
 *     and bound channels, in the order declared
 * @param doc a description shown to users, or {@code null}
 */
public record TaskDefinition(
    String taskId, Operator operator, TaskArgs args, List<String> upstreamTaskIds, String doc) {
  public TaskDefinition {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(args, "args");
    upstreamTaskIds = List.copyOf(upstreamTaskIds);
  }
}
