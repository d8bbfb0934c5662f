package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.time.Instant;
import java.util.List;
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

  /**
   * Airflow 3's rule: a backfill run starts while its backfill is unpaused and has fewer running
   * runs than its {@code max_active_runs}; any other run while its DAG has fewer running
   * non-backfill runs than the DAG's {@code max_active_runs}.
   */
  private static boolean mayStart(
      RunLocks.QueuedRun run,
      CompiledDag dag,
      Map<String, Integer> active,
      Map<Long, Integer> backfillActive) {
    if (run.backfillId() != null) {
      return !run.backfillPaused()
          && backfillActive.getOrDefault(run.backfillId(), 0) < run.backfillMaxActiveRuns();
    }
    return active.getOrDefault(run.key().dagId(), 0) < dag.dag().maxActiveRuns();
  }

  /** Starts what may start at {@code now}; how many runs it started. */
  int start(Instant now) {
    // Repository calls on this thread join the transaction, so the locks hold until it commits.
    return db.inTransaction(
        handle -> {
          List<RunLocks.QueuedRun> queued = RunLocks.lockQueued(handle, BATCH);
          if (queued.isEmpty()) {
            return 0;
          }
          Map<String, Integer> active = RunLocks.countByDag(handle, DagRunState.RUNNING);
          Map<Long, Integer> backfillActive = RunLocks.runningByBackfill(handle);
          int started = 0;
          for (RunLocks.QueuedRun candidate : queued) {
            RunLocks.RunKey key = candidate.key();
            Optional<CompiledDag> dag = dags.find(key.dagId());
            if (dag.isEmpty()) {
              continue; // not loaded (yet): leave it queued
            }
            if (!mayStart(candidate, dag.get(), active, backfillActive)) {
              continue;
            }
            if (runs.transition(
                key.dagId(), key.runId(), Set.of(DagRunState.QUEUED), DagRunState.RUNNING, now)) {
              factory.createMissing(
                  dag.get(), key.runId(), instances.listForRun(key.dagId(), key.runId()));
              if (candidate.backfillId() == null) {
                active.merge(key.dagId(), 1, Integer::sum);
              } else {
                backfillActive.merge(candidate.backfillId(), 1, Integer::sum);
              }
              started++;
            }
          }
          return started;
        });
  }
}
