package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.FollowUps;
import dev.updraft.sdk.internal.run.TryOutcome;
import java.time.Instant;
import java.util.Collection;

/**
 * Writes how a try ended, with {@code InProcessDagRunner}'s semantics: a retryable failure with
 * tries left becomes {@code up_for_retry}; a branch naming tasks that are not its direct downstream
 * fails; a successful branch skips the direct downstream tasks it did not choose, and a
 * short-circuit that stopped skips its direct downstream tasks or all its descendants. The state
 * and the skips commit together, so the scheduler never sees a finished branch with its unchosen
 * tasks still free to run.
 */
final class OutcomeWriter {
  private final MetadataDatabase db;
  private final TaskInstanceRepository instances;

  OutcomeWriter(MetadataDatabase db, TaskInstanceRepository instances) {
    this.db = db;
    this.instances = instances;
  }

  /** Records {@code outcome} of running {@code ti}; whether its try was still running. */
  boolean write(CompiledDag dag, TaskInstanceRecord ti, TryOutcome outcome, Instant end) {
    TryOutcome checked = FollowUps.checkBranch(dag, ti.taskId(), outcome);
    TaskState next = checked.state();
    if (next == TaskState.FAILED && checked.retryable()) {
      next = TryFailures.stateAfterFailure(ti);
    }
    TaskState state = next;
    TransitionDetails details =
        TransitionDetails.at(end).withRenderedFields(Json.write(checked.renderedFields()));
    return db.inTransaction(
        handle -> {
          // ti is the running try as its executor wrote it: if its version moved, someone else
          // (a user, a timeout, zombie detection) changed it meanwhile and wins.
          if (instances.transitionFrom(ti, state, details).isEmpty()) {
            return false;
          }
          if (state == TaskState.SUCCESS) {
            skip(ti, FollowUps.tasksToSkip(dag, ti.taskId(), checked.result()), end);
          }
          return true;
        });
  }

  private void skip(TaskInstanceRecord source, Collection<String> taskIds, Instant at) {
    if (taskIds.isEmpty()) {
      return;
    }
    for (TaskInstanceRecord ti : instances.listForRun(source.dagId(), source.runId())) {
      if (taskIds.contains(ti.taskId())) {
        // Only those not decided yet: a task already skipped or failed keeps its state.
        instances.transition(
            ti.id(),
            TaskInstanceRepository.noStateOr(),
            TaskState.SKIPPED,
            TransitionDetails.at(at));
      }
    }
  }
}
