package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Advances one running run in one transaction, holding its row lock: creates missing task
 * instances, decides those waiting or up for retry, then decides the run's state.
 */
final class RunAdvancer {
  private final MetadataDatabase db;
  private final LoopDags dags;
  private final DagRunRepository runs;
  private final TaskInstanceRepository instances;
  private final TaskInstanceFactory factory;
  private final TaskInstanceDecider decider;
  private final RunFinisher finisher;

  RunAdvancer(
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
    this.decider = new TaskInstanceDecider(instances);
    this.finisher = new RunFinisher(runs, instances);
  }

  /** Advances the run {@code key} at {@code now}; how many changes it made. */
  int advance(RunLocks.RunKey key, Instant now) {
    Optional<CompiledDag> dag = dags.find(key.dagId());
    if (dag.isEmpty()) {
      return 0;
    }
    return db.inTransaction(
        handle -> {
          // Another scheduler holds the run, or it is no longer running: leave it.
          if (RunLocks.lockOne(handle, key, DagRunState.RUNNING).isEmpty()) {
            return 0;
          }
          DagRunRecord run = runs.find(key.dagId(), key.runId()).orElseThrow();
          List<TaskInstanceRecord> tis = instances.listForRun(key.dagId(), key.runId());
          int changes = factory.createMissing(dag.get(), key.runId(), tis);
          if (changes > 0) {
            tis = instances.listForRun(key.dagId(), key.runId());
          }
          int decided = decider.decide(dag.get(), run, tis, now);
          if (decided > 0) {
            // The run's state is decided on what the decisions left, not on what they read.
            tis = instances.listForRun(key.dagId(), key.runId());
          }
          return changes + decided + finisher.finish(dag.get(), run, tis, now);
        });
  }
}
