package dev.updraft.web.api.internal.dagruns;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sets a run's state by hand, as Airflow's {@code set_dag_run_state_to_success}, {@code …_failed}
 * and {@code …_queued}: success marks every task instance not yet successful successful; failed
 * fails the running ones and skips those that have not finished; queued touches no task instance.
 */
final class DagRunStates {
  private static final Set<TaskState> RUNNING = EnumSet.of(TaskState.RUNNING, TaskState.DEFERRED);

  private final MetadataDatabase db;
  private final DagRunRepository runs;
  private final TaskInstanceRepository taskInstances;
  private final Clock clock;

  DagRunStates(
      MetadataDatabase db,
      DagRunRepository runs,
      TaskInstanceRepository taskInstances,
      Clock clock) {
    this.db = db;
    this.runs = runs;
    this.taskInstances = taskInstances;
    this.clock = clock;
  }

  void set(String dagId, String runId, DagRunState state) {
    // One transaction holding the run's row: a scheduler pass (which takes runs with SKIP LOCKED)
    // cannot decide the run's task instances between these writes.
    db.inTransaction(
        handle -> {
          runs.lock(dagId, runId);
          apply(dagId, runId, state);
          return null;
        });
  }

  private void apply(String dagId, String runId, DagRunState state) {
    Instant now = clock.instant();
    switch (state) {
      case SUCCESS -> {
        List<TaskInstanceRecord> notDone = new ArrayList<>();
        for (TaskInstanceRecord ti : taskInstances.listForRun(dagId, runId)) {
          if (ti.state() != TaskState.SUCCESS) {
            notDone.add(ti);
          }
        }
        taskInstances.transitionAll(notDone, TaskState.SUCCESS, TransitionDetails.at(now));
      }
      case FAILED -> {
        List<TaskInstanceRecord> running = new ArrayList<>();
        List<TaskInstanceRecord> pending = new ArrayList<>();
        for (TaskInstanceRecord ti : taskInstances.listForRun(dagId, runId)) {
          if (ti.state() != null && RUNNING.contains(ti.state())) {
            running.add(ti);
          } else if (ti.state() == null || !ti.state().isFinished()) {
            pending.add(ti);
          }
        }
        taskInstances.transitionAll(running, TaskState.FAILED, TransitionDetails.at(now));
        taskInstances.transitionAll(pending, TaskState.SKIPPED, TransitionDetails.at(now));
      }
      default -> {
        // Queued: the run alone goes back; the scheduler decides its task instances again.
      }
    }
    runs.transition(dagId, runId, EnumSet.allOf(DagRunState.class), state, now);
  }
}
