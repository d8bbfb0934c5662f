package dev.updraft.scheduler.decide;

import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.run.TriggerDecision;
import dev.updraft.sdk.internal.run.TriggerRuleEvaluator;
import dev.updraft.sdk.internal.run.UpstreamSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a running DAG run's state from its task instances, as Airflow does: first the scheduler's
 * {@code dagrun_timeout} check (the run fails and its unfinished task instances are skipped), then
 * {@code DagRun.update_state}. Once no task instance is unfinished, the run fails if a leaf failed
 * or is upstream_failed, and otherwise succeeds (leaves all success or skipped). While some are
 * unfinished, it fails as deadlocked if none is in flight and every one still waiting has a trigger
 * rule that its finished upstream tasks can no longer meet; else it keeps running. Removed task
 * instances are left out, as Airflow leaves them out.
 */
public final class RunStateDecider {
  /** States a task instance leaves on its own: the scheduler or a worker still acts on it. */
  private static final Set<TaskState> IN_FLIGHT =
      Set.of(
          TaskState.SCHEDULED,
          TaskState.QUEUED,
          TaskState.RUNNING,
          TaskState.RESTARTING,
          TaskState.UP_FOR_RETRY,
          TaskState.UP_FOR_RESCHEDULE,
          TaskState.DEFERRED);

  private static final Set<TaskState> FAILED = Set.of(TaskState.FAILED, TaskState.UPSTREAM_FAILED);

  private RunStateDecider() {}

  /** The run's state now, with the reason and any task instances to change. */
  public static RunDecision decide(RunSnapshot run) {
    List<TaskNode> tis = new ArrayList<>();
    for (TaskNode ti : run.tasks()) {
      if (ti.state() != TaskState.REMOVED) {
        tis.add(ti);
      }
    }
    List<TaskNode> unfinished = tis.stream().filter(ti -> !isFinished(ti.state())).toList();

    if (timedOut(run)) {
      Map<String, TaskState> skip = new HashMap<>();
      unfinished.forEach(ti -> skip.put(ti.taskId(), TaskState.SKIPPED));
      return new RunDecision(DagRunState.FAILED, "timed_out", skip);
    }
    if (unfinished.isEmpty()) {
      List<TaskNode> leaves =
          tis.stream().filter(ti -> run.leafTaskIds().contains(ti.taskId())).toList();
      // Airflow checks "any leaf failed" before "all leaves succeeded".
      boolean leafFailed = leaves.stream().anyMatch(ti -> FAILED.contains(ti.state()));
      return leafFailed
          ? new RunDecision(DagRunState.FAILED, "task_failure", Map.of())
          : new RunDecision(DagRunState.SUCCESS, "success", Map.of());
    }
    if (deadlocked(tis, unfinished)) {
      return new RunDecision(DagRunState.FAILED, "deadlock", Map.of());
    }
    return new RunDecision(DagRunState.RUNNING, "running", Map.of());
  }

  private static boolean timedOut(RunSnapshot run) {
    // Airflow: start_date < utcnow() - dagrun_timeout, strictly.
    return run.startedAt() != null
        && run.dagrunTimeout() != null
        && run.startedAt().plus(run.dagrunTimeout()).isBefore(run.now());
  }

  /**
   * Nothing in flight, and no waiting task instance will ever be runnable, skipped or marked
   * upstream_failed: every one's trigger rule says wait, so no state can change again.
   */
  private static boolean deadlocked(List<TaskNode> tis, List<TaskNode> unfinished) {
    if (unfinished.stream().anyMatch(ti -> ti.state() != null && IN_FLIGHT.contains(ti.state()))) {
      return false;
    }
    Map<String, TaskState> states = new HashMap<>();
    tis.forEach(ti -> states.put(ti.taskId(), ti.state()));
    for (TaskNode ti : unfinished) {
      List<TaskState> upstream = new ArrayList<>();
      // A removed upstream task is absent from tis; Airflow counts it as removed, done.
      ti.upstreamTaskIds().forEach(id -> upstream.add(states.getOrDefault(id, TaskState.REMOVED)));
      TriggerDecision decision =
          TriggerRuleEvaluator.decide(ti.triggerRule(), UpstreamSummary.of(upstream));
      if (decision != TriggerDecision.WAIT) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFinished(TaskState state) {
    return state != null && state.isFinished();
  }
}
