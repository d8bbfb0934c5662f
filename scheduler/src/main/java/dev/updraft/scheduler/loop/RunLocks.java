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

  /** Locks up to {@code limit} runs in {@code state} that no one else holds, oldest first. */
  static List<RunKey> lockByState(Handle handle, DagRunState state, int limit) {
    return handle
        .createQuery(
            "SELECT dag_id, run_id FROM dag_run WHERE state = :state"
                + NOT_PAUSED
                + " ORDER BY run_after, id LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("state", state.value())
        .bind("limit", limit)
        .map((rs, ctx) -> new RunKey(rs.getString("dag_id"), rs.getString("run_id")))
        .list();
  }

  /** Runs in {@code state} per DAG id. */
  static java.util.Map<String, Integer> countByDag(Handle handle, DagRunState state) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    handle
        .createQuery(
            "SELECT dag_id, COUNT(*) AS n FROM dag_run WHERE state = :state GROUP BY dag_id")
        .bind("state", state.value())
        .map((rs, ctx) -> counts.put(rs.getString("dag_id"), rs.getInt("n")))
        .list();
    return counts;
  }
}
