package dev.updraft.web.api.internal.pools;

import dev.updraft.metadata.state.PoolRecord;
import dev.updraft.metadata.state.PoolSlotStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** Airflow's {@code PoolResponse}, with slot counts as its {@code Pool.slots_stats}. */
final class PoolResponses {
  private PoolResponses() {}

  static Map<String, Object> of(PoolRecord pool, PoolSlotStats stats) {
    // Occupied slots are those of running and queued tries, plus deferred ones when the pool
    // counts them; scheduled tries wait for a slot and take none.
    long occupied =
        stats.running() + stats.queued() + (pool.includeDeferred() ? stats.deferred() : 0);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", pool.pool());
    body.put("slots", pool.slots());
    body.put("description", pool.description());
    body.put("include_deferred", pool.includeDeferred());
    body.put("occupied_slots", occupied);
    body.put("running_slots", stats.running());
    body.put("queued_slots", stats.queued());
    body.put("scheduled_slots", stats.scheduled());
    // Airflow's open_slots is infinite for an unlimited pool, which JSON cannot carry: -1 says
    // "no limit" as the pool's own slots do.
    body.put("open_slots", pool.slots() == -1 ? -1 : pool.slots() - occupied);
    body.put("deferred_slots", stats.deferred());
    body.put("team_name", null);
    return body;
  }
}
