package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  // The DAG object each run's instances were last checked against, for the most recent runs.
  private final Map<RunLocks.RunKey, CompiledDag> verifiedWith =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RunLocks.RunKey, CompiledDag> eldest) {
              return size() > 10_000;
            }
          });

  private static final Set<TaskState> WAITING_FOR_DECISION =
      TaskInstanceRepository.noStateOr(TaskState.UP_FOR_RETRY);
  private static final Set<TaskState> IN_FLIGHT =
      Set.of(
          TaskState.SCHEDULED,
          TaskState.QUEUED,
          TaskState.RUNNING,
          TaskState.RESTARTING,
          TaskState.DEFERRED,
          TaskState.UP_FOR_RESCHEDULE);

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
          Optional<DagRunRecord> locked =
              runs.lockIfFree(key.dagId(), key.runId(), DagRunState.RUNNING, RunLocks.NOT_PAUSED);
          if (locked.isEmpty()) {
            return 0;
          }
          DagRunRecord run = locked.get();
          // Cheap index probes first: a big run whose instances are all in flight needs no
          // closer look until one of them moves.
          if (!needsDecisions(key, dag.get(), run, now)) {
            return 0;
          }
          List<TaskInstanceRecord> tis = instances.listForRun(key.dagId(), key.runId());
          int changes = factory.createMissing(dag.get(), key.runId(), tis);
          if (changes > 0) {
            tis = instances.listForRun(key.dagId(), key.runId());
          }
          List<TaskInstanceRecord> decided = decider.decide(dag.get(), run, tis, now);
          // The run's state is decided on what the decisions left, not on what they read.
          tis = replaced(tis, decided);
          return changes + decided.size() + finisher.finish(dag.get(), run, tis, now);
        });
  }

  private static List<TaskInstanceRecord> replaced(
      List<TaskInstanceRecord> tis, List<TaskInstanceRecord> changed) {
    if (changed.isEmpty()) {
      return tis;
    }
    Map<java.util.UUID, TaskInstanceRecord> byId = new java.util.HashMap<>();
    changed.forEach(ti -> byId.put(ti.id(), ti));
    return tis.stream().map(ti -> byId.getOrDefault(ti.id(), ti)).toList();
  }

  /**
   * Whether the run has instances to create or decide, may be finished, or has timed out. False
   * only when every instance exists and each is finished or in flight with at least one in flight:
   * then nothing here can change until an executor or a user moves one.
   */
  private boolean needsDecisions(
      RunLocks.RunKey key, CompiledDag dag, DagRunRecord run, Instant now) {
    // Instances are created when the run starts; a DAG reloaded since may have new tasks.
    if (verifiedWith.get(key) != dag) {
      verifiedWith.put(key, dag);
      return true;
    }
    if (instances.anyInState(key.dagId(), key.runId(), WAITING_FOR_DECISION)) {
      return true;
    }
    Duration timeout = dag.dag().dagrunTimeout();
    if (timeout != null && run.startDate() != null && run.startDate().plus(timeout).isBefore(now)) {
      return true;
    }
    return !instances.anyInState(key.dagId(), key.runId(), IN_FLIGHT);
  }
}
