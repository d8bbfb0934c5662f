package dev.updraft.scheduler.loop;

import dev.updraft.sdk.DagRunState;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Row locks on {@code dag_run} that let several schedulers share a database: a run locked by one is
 * skipped by the others ({@code FOR UPDATE SKIP LOCKED}, which PostgreSQL and H2 2.3 both support)
 * until its transaction ends.
 */
final class RunLocks {
  // Airflow leaves the runs of a paused DAG alone, queued or running, until it is unpaused.
  static final String NOT_PAUSED =
      " AND NOT EXISTS (SELECT 1 FROM dag d WHERE d.dag_id = dag_run.dag_id AND d.is_paused)";

  private RunLocks() {}

  /** A run's key. */
  record RunKey(String dagId, String runId) {}

  /**
   * A queued run as the starter sees it.
   *
   * @param backfillId the backfill it belongs to, or {@code null}
   * @param backfillMaxActiveRuns that backfill's {@code max_active_runs}, or {@code null}
   * @param backfillPaused whether that backfill is paused
   */
  record QueuedRun(
      RunKey key, Long backfillId, Integer backfillMaxActiveRuns, boolean backfillPaused) {}

  /**
   * Locks up to {@code limit} queued runs of unpaused DAGs that no one else holds, oldest first,
   * with their backfill's limits.
   */
  static List<QueuedRun> lockQueued(Handle handle, int limit) {
    List<RunKey> keys =
        handle
            .createQuery(
                "SELECT dag_id, run_id FROM dag_run WHERE state = :state"
                    + NOT_PAUSED
                    + " ORDER BY run_after, id LIMIT :limit FOR UPDATE SKIP LOCKED")
            .bind("state", DagRunState.QUEUED.value())
            .bind("limit", limit)
            .map((rs, ctx) -> new RunKey(rs.getString("dag_id"), rs.getString("run_id")))
            .list();
    if (keys.isEmpty()) {
      return List.of();
    }
    // Backfill limits come in a second, unlocked read: FOR UPDATE may not span an outer join.
    java.util.Map<RunKey, QueuedRun> byKey = new java.util.HashMap<>();
    for (RunKey key : keys) {
      byKey.put(key, new QueuedRun(key, null, null, false));
    }
    handle
        .createQuery(
            "SELECT r.dag_id, r.run_id, r.backfill_id, b.max_active_runs, b.is_paused"
                + " FROM dag_run r JOIN backfill b ON b.id = r.backfill_id"
                + " WHERE r.state = :state AND r.backfill_id IS NOT NULL")
        .bind("state", DagRunState.QUEUED.value())
        .map(
            (rs, ctx) -> {
              RunKey key = new RunKey(rs.getString("dag_id"), rs.getString("run_id"));
              if (byKey.containsKey(key)) {
                byKey.put(
                    key,
                    new QueuedRun(
                        key,
                        rs.getLong("backfill_id"),
                        rs.getInt("max_active_runs"),
                        rs.getBoolean("is_paused")));
              }
              return key;
            })
        .list();
    return keys.stream().map(byKey::get).toList();
  }

  /** Running runs per backfill id. */
  static java.util.Map<Long, Integer> runningByBackfill(Handle handle) {
    java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
    handle
        .createQuery(
            "SELECT backfill_id, COUNT(*) AS n FROM dag_run WHERE state = :state"
                + " AND backfill_id IS NOT NULL GROUP BY backfill_id")
        .bind("state", DagRunState.RUNNING.value())
        .map((rs, ctx) -> counts.put(rs.getLong("backfill_id"), rs.getInt("n")))
        .list();
    return counts;
  }

  /**
   * Runs in {@code state} per DAG id, backfill runs left out: as in Airflow 3, a backfill counts
   * against its own {@code max_active_runs}, not the DAG's.
   */
  static java.util.Map<String, Integer> countByDag(Handle handle, DagRunState state) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    handle
        .createQuery(
            "SELECT dag_id, COUNT(*) AS n FROM dag_run WHERE state = :state"
                + " AND backfill_id IS NULL GROUP BY dag_id")
        .bind("state", state.value())
        .map((rs, ctx) -> counts.put(rs.getString("dag_id"), rs.getInt("n")))
        .list();
    return counts;
  }
}
