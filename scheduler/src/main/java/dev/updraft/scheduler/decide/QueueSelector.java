package dev.updraft.scheduler.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Picks which scheduled task instances to queue, as Airflow's {@code
 * SchedulerJobRunner._executable_task_instances_to_queued}: candidates in order of priority weight
 * (highest first), then logical date (earliest first, none last), then map index; each is checked
 * against its pool (it must exist and have {@code pool_slots} open) and its DAG's {@code
 * max_active_tasks}, and queueing stops when the executor's free parallelism is used up. What a
 * queued candidate takes counts against those that come after it.
 */
public final class QueueSelector {
  /** Airflow's query order; the sort is stable, so full ties keep the input order. */
  static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::priorityWeight)
          .reversed()
          .thenComparing(Candidate::logicalDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(Candidate::mapIndex);

  private QueueSelector() {}

  /** The candidates to queue now from {@code scheduled}, within {@code limits}. */
  public static Selection select(List<Candidate> scheduled, Limits limits) {
    List<Candidate> ordered = new ArrayList<>(scheduled);
    ordered.sort(ORDER);

    Map<String, Integer> poolOpen = new HashMap<>();
    limits.pools().forEach((name, slots) -> poolOpen.put(name, slots.open()));
    Map<String, Integer> dagActive = new HashMap<>(limits.dagActiveTasks());
    int parallelismLeft = limits.parallelismFree();

    List<Candidate> toQueue = new ArrayList<>();
    Map<UUID, String> reasons = new LinkedHashMap<>();
    Set<UUID> starved = new HashSet<>();
    for (Candidate c : ordered) {
      // Airflow limits its query to the free executor slots, so later candidates are not looked at.
      if (parallelismLeft <= 0) {
        reasons.put(c.id(), "no executor slots free (parallelism reached)");
        continue;
      }
      PoolSlots pool = limits.pools().get(c.pool());
      if (pool == null) {
        reasons.put(c.id(), "pool '" + c.pool() + "' does not exist");
        continue;
      }
      int open = poolOpen.get(c.pool());
      if (c.poolSlots() > pool.total()) {
        reasons.put(
            c.id(),
            "requested pool slots ("
                + c.poolSlots()
                + ") are greater than total pool slots ("
                + pool.total()
                + ") of pool '"
                + c.pool()
                + "'");
        starved.add(c.id());
        continue;
      }
      if (c.poolSlots() > open) {
        reasons.put(
            c.id(),
            "requires "
                + c.poolSlots()
                + " slots but pool '"
                + c.pool()
                + "' has "
                + Math.max(open, 0)
                + " open");
        continue;
      }
      Integer max = limits.dagMaxActiveTasks().get(c.dagId());
      int active = dagActive.getOrDefault(c.dagId(), 0);
      if (max != null && active >= max) {
        reasons.put(
            c.id(),
            "dag '" + c.dagId() + "' reached max_active_tasks (" + active + "/" + max + ")");
        continue;
      }
      toQueue.add(c);
      poolOpen.put(c.pool(), open - c.poolSlots());
      dagActive.put(c.dagId(), active + 1);
      parallelismLeft--;
    }
    return new Selection(toQueue, reasons, starved);
  }
}
