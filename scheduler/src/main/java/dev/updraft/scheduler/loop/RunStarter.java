package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves queued runs to running, as far as each DAG's {@code max_active_runs} allows, and creates
 * their task instances; one transaction per pass.
 */
final class RunStarter {
  /** How many queued runs one pass looks at. */
  static final int BATCH = 100;

  private final MetadataDatabase db;
  private final LoopDags dags;
  private final DagRunRepository runs;
  private final TaskInstanceRepository instances;
  private final TaskInstanceFactory factory;

  RunStarter(
      MetadataDatabase db,
      LoopDags dags,
      DagRunRepository runs,
      TaskInstanceRepository instances,
      TaskInstanceFactory factory) {
    this.db = db;
    this.dags = dags;
    this.runs = runs;
    this.instances = instances;
    this.factory = factory;
  }

  /** Starts what may start at {@code now}; how many runs it started. */
  int start(Instant now) {
    // Repository calls on this thread join the transaction, so the locks hold until it commits.
    return db.inTransaction(
        handle -> {
          var queued = RunLocks.lockByState(handle, DagRunState.QUEUED, BATCH);
          if (queued.isEmpty()) {
            return 0;
          }
          Map<String, Integer> active = RunLocks.countByDag(handle, DagRunState.RUNNING);
          int started = 0;
          for (RunLocks.RunKey key : queued) {
            Optional<CompiledDag> dag = dags.find(key.dagId());
            if (dag.isEmpty()) {
              continue; // not loaded (yet): leave it queued
            }
            int running = active.getOrDefault(key.dagId(), 0);
            if (running >= dag.get().dag().maxActiveRuns()) {
              continue;
            }
            if (runs.transition(
                key.dagId(), key.runId(), Set.of(DagRunState.QUEUED), DagRunState.RUNNING, now)) {
              factory.createMissing(
                  dag.get(), key.runId(), instances.listForRun(key.dagId(), key.runId()));
              active.put(key.dagId(), running + 1);
              started++;
            }
          }
          return started;
        });
  }
}
