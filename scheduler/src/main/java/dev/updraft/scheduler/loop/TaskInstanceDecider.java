package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.scheduler.decide.RetryReadiness;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RetryPolicy;
import dev.updraft.sdk.internal.run.TriggerDecision;
import dev.updraft.sdk.internal.run.TriggerRuleEvaluator;
import dev.updraft.sdk.internal.run.UpstreamSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a running run's task instances forward: those with no state by their trigger rule on their
 * direct upstream states (to skipped, upstream_failed or scheduled), and those up for retry once
 * their retry delay has passed (to scheduled, which starts a new try).
 */
final class TaskInstanceDecider {
  private final TaskInstanceRepository instances;

  TaskInstanceDecider(TaskInstanceRepository instances) {
    this.instances = instances;
  }

  /** Decides {@code tis} of {@code run} at {@code now}; the instances it changed, as written. */
  List<TaskInstanceRecord> decide(
      CompiledDag dag, DagRunRecord run, List<TaskInstanceRecord> tis, Instant now) {
    Map<String, TaskState> states = new HashMap<>();
    tis.forEach(ti -> states.put(ti.taskId(), ti.state()));
    // Grouped by where they go, so each group is one batch of compare-and-set updates.
    Map<TaskState, List<TaskInstanceRecord>> moves = new EnumMap<>(TaskState.class);
    for (TaskInstanceRecord ti : tis) {
      if (!dag.hasTask(ti.taskId())) {
        continue;
      }
      TaskState to = next(dag, run, ti, states, now);
      if (to == TaskState.SCHEDULED && !pastAllows(dag, run, ti)) {
        continue;
      }
      if (to != null) {
        moves.computeIfAbsent(to, k -> new ArrayList<>()).add(ti);
      }
    }
    List<TaskInstanceRecord> changed = new ArrayList<>();
    for (Map.Entry<TaskState, List<TaskInstanceRecord>> move : moves.entrySet()) {
      changed.addAll(
          instances.transitionAll(move.getValue(), move.getKey(), TransitionDetails.at(now)));
    }
    return changed;
  }

  /**
   * Airflow's depends_on_past: the task's instance in the previous run (by logical date) must have
   * succeeded or been skipped; the first run, or a run without a logical date, passes.
   */
  private boolean pastAllows(CompiledDag dag, DagRunRecord run, TaskInstanceRecord ti) {
    if (!Boolean.TRUE.equals(dag.options(ti.taskId()).args().dependsOnPast())
        || run.logicalDate() == null) {
      return true;
    }
    return instances
        .previousRunState(ti.dagId(), ti.taskId(), ti.mapIndex(), run.logicalDate())
        // Airflow waits when the earlier run has no instance of the task either.
        .map(
            previous ->
                previous.state() == TaskState.SUCCESS || previous.state() == TaskState.SKIPPED)
        .orElse(true);
  }

  /** The state {@code ti} moves to now, or {@code null} to leave it. */
  private static TaskState next(
      CompiledDag dag,
      DagRunRecord run,
      TaskInstanceRecord ti,
      Map<String, TaskState> states,
      Instant now) {
    if (ti.state() == TaskState.UP_FOR_RETRY) {
      Duration delay =
          RetryPolicy.delayAfter(
              dag.options(ti.taskId()).args(),
              dag.dagId(),
              ti.taskId(),
              run.logicalDate(),
              ti.tryNumber());
      return RetryReadiness.isReady(ti.endDate(), delay, now) ? TaskState.SCHEDULED : null;
    }
    if (ti.state() != null) {
      return null;
    }
    List<TaskState> upstream = new ArrayList<>();
    // An upstream task without an instance counts as removed, i.e. done.
    dag.upstream(ti.taskId())
        .forEach(id -> upstream.add(states.containsKey(id) ? states.get(id) : TaskState.REMOVED));
    TriggerDecision decision =
        TriggerRuleEvaluator.decide(
            dag.options(ti.taskId()).triggerRule(), UpstreamSummary.of(upstream));
    return switch (decision) {
      case RUN -> TaskState.SCHEDULED;
      case SKIP -> TaskState.SKIPPED;
      case UPSTREAM_FAILED -> TaskState.UPSTREAM_FAILED;
      case WAIT -> null;
    };
  }
}
