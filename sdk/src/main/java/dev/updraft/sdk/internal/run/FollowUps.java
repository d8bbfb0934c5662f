package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.task.OperatorResult;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a branch or short-circuit result means for the tasks downstream of it, as Airflow rules: one
 * place for the in-process runner and the scheduler loop, so the two cannot drift apart.
 */
public final class FollowUps {
  private FollowUps() {}

  /**
   * {@code outcome}, or a failure if it is a branch naming tasks other than its direct downstream
   * ones (Airflow fails such a branch).
   */
  public static TryOutcome checkBranch(CompiledDag dag, String taskId, TryOutcome outcome) {
    if (!(outcome.result() instanceof OperatorResult.Branch branch)) {
      return outcome;
    }
    List<String> direct = dag.downstream(taskId);
    Set<String> unknown = new LinkedHashSet<>(branch.followTaskIds());
    direct.forEach(unknown::remove);
    if (unknown.isEmpty()) {
      return outcome;
    }
    return new TryOutcome(
        TaskState.FAILED,
        null,
        new IllegalStateException(
            "branch '"
                + taskId
                + "' chose "
                + unknown
                + ", which are not its direct downstream tasks "
                + direct),
        true,
        outcome.renderedFields());
  }

  /**
   * The tasks a successful try's result skips: a branch's direct downstream tasks it did not
   * choose; a stopped short-circuit's direct downstream tasks, or all its descendants when it
   * ignores downstream trigger rules; none otherwise.
   */
  public static Collection<String> tasksToSkip(
      CompiledDag dag, String taskId, OperatorResult result) {
    if (result instanceof OperatorResult.Branch branch) {
      return dag.downstream(taskId).stream()
          .filter(id -> !branch.followTaskIds().contains(id))
          .toList();
    }
    if (result instanceof OperatorResult.ShortCircuit shortCircuit) {
      return shortCircuit.ignoreDownstreamTriggerRules()
          ? dag.descendants(taskId)
          : dag.downstream(taskId);
    }
    return List.of();
  }
}
