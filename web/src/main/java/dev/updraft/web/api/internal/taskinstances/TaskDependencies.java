package dev.updraft.web.api.internal.taskinstances;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.PoolRecord;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.PoolSlotStats;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.TriggerRule;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.web.api.internal.ApiContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Why a task instance that waits (no state or scheduled) is not queued, as Airflow's failed
 * scheduler dependencies: its run is not running, its upstream tasks are not done as its trigger
 * rule needs, or its pool has too few open slots. An instance past waiting has none.
 */
final class TaskDependencies {
  private final ApiContext context;
  private final TaskInstanceRepository instances;
  private final DagRunRepository runs;

  TaskDependencies(ApiContext context, TaskInstanceRepository instances, DagRunRepository runs) {
    this.context = context;
    this.instances = instances;
    this.runs = runs;
  }

  List<Map<String, String>> blocking(TaskInstanceRecord ti) {
    if (ti.state() != null && ti.state() != TaskState.SCHEDULED) {
      return List.of();
    }
    Optional<CompiledDag> dag = context.dags().find(ti.dagId());
    if (dag.isEmpty() || !dag.get().hasTask(ti.taskId())) {
      return List.of();
    }
    List<Map<String, String>> deps = new ArrayList<>();
    runs.find(ti.dagId(), ti.runId())
        .map(DagRunRecord::state)
        .filter(state -> state != DagRunState.RUNNING)
        .ifPresent(
            state ->
                deps.add(
                    dep(
                        "Dag Run State",
                        "Task instance's dagrun was not in the 'running' state but in the state '"
                            + state.value()
                            + "'.")));
    upstream(dag.get(), ti).ifPresent(deps::add);
    pool(ti).ifPresent(deps::add);
    deps.sort(Comparator.comparing(d -> d.get("name")));
    return deps;
  }

  private Optional<Map<String, String>> upstream(CompiledDag dag, TaskInstanceRecord ti) {
    List<String> upstream = dag.upstream(ti.taskId());
    if (upstream.isEmpty()) {
      return Optional.empty();
    }
    TriggerRule rule = dag.options(ti.taskId()).triggerRule();
    boolean needsSuccess = rule == TriggerRule.ALL_SUCCESS;
    TreeSet<String> waiting = new TreeSet<>();
    for (TaskInstanceRecord other : instances.listForRun(ti.dagId(), ti.runId())) {
      if (!upstream.contains(other.taskId())) {
        continue;
      }
      boolean done =
          needsSuccess
              ? other.state() == TaskState.SUCCESS || other.state() == TaskState.SKIPPED
              : other.state() != null && other.state().isFinished();
      if (!done) {
        waiting.add(other.taskId());
      }
    }
    if (waiting.isEmpty()) {
      return Optional.empty();
    }
    String reason =
        needsSuccess
            ? "Task's trigger rule '"
                + rule.value()
                + "' requires all upstream tasks to have succeeded, but found "
                + waiting.size()
                + " non-success(es). upstream_task_ids="
                + waiting
            : "Task's trigger rule '"
                + rule.value()
                + "' requires its upstream tasks to be done, but found "
                + waiting.size()
                + " task(s) that were not done. upstream_task_ids="
                + waiting;
    return Optional.of(dep("Trigger Rule", reason));
  }

  private Optional<Map<String, String>> pool(TaskInstanceRecord ti) {
    PoolRepository pools = new PoolRepository(context.db());
    Optional<PoolRecord> pool = pools.get(ti.pool());
    if (pool.isEmpty()) {
      return Optional.of(
          dep(
              "Pool Slots Available",
              "Tasks using non-existent pool '" + ti.pool() + "' will not be scheduled"));
    }
    if (pool.get().slots() < 0) {
      return Optional.empty();
    }
    PoolSlotStats stats = pools.slotStats().getOrDefault(ti.pool(), PoolSlotStats.NONE);
    long occupied =
        stats.running() + stats.queued() + (pool.get().includeDeferred() ? stats.deferred() : 0);
    long open = pool.get().slots() - occupied;
    if (open >= ti.poolSlots()) {
      return Optional.empty();
    }
    return Optional.of(
        dep(
            "Pool Slots Available",
            "Not scheduling since there are "
                + open
                + " open slots in pool "
                + ti.pool()
                + " and require "
                + ti.poolSlots()
                + " pool slots"));
  }

  private static Map<String, String> dep(String name, String reason) {
    return Map.of("name", name, "reason", reason);
  }
}
