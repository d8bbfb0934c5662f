package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.PoolRecord;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.scheduler.decide.Candidate;
import dev.updraft.scheduler.decide.Limits;
import dev.updraft.scheduler.decide.PoolSlots;
import dev.updraft.scheduler.decide.QueueSelector;
import dev.updraft.scheduler.decide.Selection;
import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queues scheduled task instances within parallelism, pools and each DAG's {@code max_active_tasks}
 * (chosen by {@link QueueSelector}), and hands each to the executor once its move to {@code queued}
 * has applied.
 */
final class TaskQueuer {
  /** How many scheduled task instances one pass looks at. */
  static final int BATCH = 512;

  private final LoopDags dags;
  private final DagRunRepository runs;
  private final TaskInstanceRepository instances;
  private final PoolRepository pools;
  private final TaskExecutor executor;
  private final LoopSettings settings;
  private final java.util.function.Supplier<Long> jobId;
  private final Map<String, Optional<Instant>> logicalDates =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Instant>> eldest) {
              return size() > 1_000;
            }
          });

  TaskQueuer(
      MetadataDatabase db,
      LoopDags dags,
      DagRunRepository runs,
      TaskInstanceRepository instances,
      TaskExecutor executor,
      LoopSettings settings,
      java.util.function.Supplier<Long> jobId) {
    this.jobId = jobId;
    this.dags = dags;
    this.runs = runs;
    this.instances = instances;
    this.pools = new PoolRepository(db);
    this.executor = executor;
    this.settings = settings;
  }

  /** Queues what may be queued at {@code now}; how many it queued. */
  int queue(Instant now) {
    List<TaskInstanceRecord> scheduled = instances.listByState(TaskState.SCHEDULED, BATCH);
    if (scheduled.isEmpty()) {
      return 0;
    }
    Map<java.util.UUID, TaskInstanceRecord> byId = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    for (TaskInstanceRecord ti : scheduled) {
      Optional<Instant> logicalDate = logicalDate(ti.dagId(), ti.runId());
      byId.put(ti.id(), ti);
      candidates.add(
          new Candidate(
              ti.id(),
              ti.dagId(),
              ti.runId(),
              ti.taskId(),
              ti.priorityWeight() == null ? 1 : ti.priorityWeight(),
              logicalDate.orElse(null),
              ti.mapIndex(),
              ti.pool(),
              Math.max(1, ti.poolSlots())));
    }
    Selection selection = QueueSelector.select(candidates, limits(scheduled));
    List<TaskInstanceRecord> chosen = new ArrayList<>();
    for (Candidate c : selection.toQueue()) {
      chosen.add(byId.get(c.id()));
    }
    List<TaskInstanceRecord> moved =
        instances.transitionAll(
            chosen,
            TaskState.QUEUED,
            TransitionDetails.at(now).withExecutor(executor.name(), null));
    Long job = jobId.get();
    if (job != null) {
      instances.markQueuedBy(moved.stream().map(TaskInstanceRecord::id).toList(), job);
    }
    // Handed over only once the move to queued has committed, so a fast try cannot race it.
    for (TaskInstanceRecord ti : moved) {
      QueuedTry queuedTry =
          new QueuedTry(ti.id(), ti.dagId(), ti.runId(), ti.taskId(), ti.tryNumber());
      if (executor instanceof QueuedRecords withRecords) {
        withRecords.submit(queuedTry, ti);
      } else {
        executor.submit(queuedTry);
      }
    }
    return moved.size();
  }

  // A run's logical date never changes, so each run is read once, not once per pass.
  private Optional<Instant> logicalDate(String dagId, String runId) {
    String key = dagId + '\u0000' + runId;
    Optional<Instant> known = logicalDates.get(key);
    if (known == null) {
      known = runs.find(dagId, runId).map(DagRunRecord::logicalDate);
      logicalDates.put(key, known);
    }
    return known;
  }

  /** What is taken now: task instances queued or running, against pools and DAG limits. */
  private Limits limits(List<TaskInstanceRecord> scheduled) {
    Map<String, Integer> poolUsed = new HashMap<>();
    Map<String, Integer> dagActive = new HashMap<>();
    int active = 0;
    for (TaskInstanceRepository.ActiveSlots taken : instances.activeSlots()) {
      poolUsed.merge(taken.pool(), taken.poolSlots(), Integer::sum);
      dagActive.merge(taken.dagId(), taken.instances(), Integer::sum);
      active += taken.instances();
    }
    Map<String, PoolSlots> slots = new HashMap<>();
    for (PoolRecord pool : pools.list()) {
      // Airflow: -1 slots is an unlimited pool.
      int total = pool.slots() < 0 ? Integer.MAX_VALUE : pool.slots();
      int open =
          pool.slots() < 0 ? Integer.MAX_VALUE : total - poolUsed.getOrDefault(pool.pool(), 0);
      slots.put(pool.pool(), new PoolSlots(total, open));
    }
    Map<String, Integer> maxActive = new HashMap<>();
    for (TaskInstanceRecord ti : scheduled) {
      dags.find(ti.dagId()).ifPresent(d -> maxActive.put(ti.dagId(), d.dag().maxActiveTasks()));
    }
    return new Limits(settings.parallelism() - active, slots, dagActive, maxActive);
  }
}
