package dev.updraft.scheduler.decide;

import java.util.Map;
import java.util.Objects;

/**
 * What limits queueing now, as Airflow's scheduler counts it.
 *
 * @param parallelismFree executor slots free: {@code parallelism} less the task instances running
 *     or queued
 * @param pools every existing pool by name; a pool missing here does not exist
 * @param dagActiveTasks task instances running or queued per DAG id, across all its runs; missing
 *     is 0
 * @param dagMaxActiveTasks each DAG's {@code max_active_tasks}; a DAG missing here is not limited
 */
public record Limits(
    int parallelismFree,
    Map<String, PoolSlots> pools,
    Map<String, Integer> dagActiveTasks,
    Map<String, Integer> dagMaxActiveTasks) {

  public Limits {
    pools = Map.copyOf(Objects.requireNonNull(pools, "pools"));
    dagActiveTasks = Map.copyOf(Objects.requireNonNull(dagActiveTasks, "dagActiveTasks"));
    dagMaxActiveTasks = Map.copyOf(Objects.requireNonNull(dagMaxActiveTasks, "dagMaxActiveTasks"));
  }
}
