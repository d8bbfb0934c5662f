package dev.updraft.scheduler.backfill.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.States;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.sdk.DagRunState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code backfill} and {@code backfill_dag_run} rows, and a run's link to its backfill. */
public final class BackfillRows {
  private static final List<String> ACTIVE =
      List.of(DagRunState.QUEUED.value(), DagRunState.RUNNING.value());

  private final MetadataDatabase db;

  public BackfillRows(MetadataDatabase db) {
    this.db = db;
  }

  /** An existing run at {@code logicalDate}: its id, run id and state. */
  public record ExistingRun(long id, String runId, DagRunState state) {}

  /** The run of {@code dagId} at {@code logicalDate}, if there is one. */
  public Optional<ExistingRun> runAt(String dagId, Instant logicalDate) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, run_id, state FROM dag_run WHERE dag_id = :dagId"
                        + " AND logical_date = :logicalDate")
                .bind("dagId", dagId)
                .bind("logicalDate", Times.arg(logicalDate))
                .map(
                    (rs, ctx) ->
                        new ExistingRun(
                            rs.getLong("id"),
                            rs.getString("run_id"),
                            States.dagRunState(rs.getString("state"))))
                .findOne());
  }

  /**
   * Marks complete the backfills of {@code dagId} none of whose runs is still queued or running
   * (Airflow's scheduler does this as runs finish), then counts those still going.
   */
  public int completeFinishedAndCountActive(String dagId, Instant now) {
    // Not a correlated NOT EXISTS: H2 caches that subquery's result between executions.
    return db.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  """
                  UPDATE backfill SET completed_at = :now, updated_at = :now
                  WHERE dag_id = :dagId AND completed_at IS NULL AND id NOT IN (
                    SELECT bdr.backfill_id FROM backfill_dag_run bdr
                    JOIN dag_run dr ON dr.id = bdr.dag_run_id
                    WHERE dr.state IN (<active>))""")
              .bind("now", Times.arg(now))
              .bind("dagId", dagId)
              .bindList("active", ACTIVE)
              .execute();
          return handle
              .createQuery(
                  "SELECT COUNT(*) FROM backfill WHERE dag_id = :dagId AND completed_at IS NULL")
              .bind("dagId", dagId)
              .mapTo(Integer.class)
              .one();
        });
  }

  /** Inserts a backfill and returns its id. */
  public long insertBackfill(
      String dagId,
      Instant from,
      Instant to,
      String conf,
      String reprocessBehavior,
      int maxActiveRuns,
      String user,
      Instant now) {
    return db.inTransaction(
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO backfill (dag_id, from_date, to_date, dag_run_conf, is_paused,
                      reprocess_behavior, max_active_runs, created_at, updated_at,
                      triggering_user_name)
                    VALUES (:dagId, :from, :to, :conf, FALSE, :reprocess, :maxActiveRuns, :now,
                      :now, :user)""")
                .bind("dagId", dagId)
                .bind("from", Times.arg(from))
                .bind("to", Times.arg(to))
                .bind("conf", conf)
                .bind("reprocess", reprocessBehavior)
                .bind("maxActiveRuns", maxActiveRuns)
                .bind("now", Times.arg(now))
                .bind("user", user)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Records what the backfill did for one logical date. */
  public void insertDagRunLink(
      long backfillId, Long dagRunId, Instant logicalDate, String exceptionReason, int ordinal) {
    db.inTransaction(
        handle ->
            handle
                .createUpdate(
                    """
                    INSERT INTO backfill_dag_run (backfill_id, dag_run_id, exception_reason,
                      logical_date, sort_ordinal)
                    VALUES (:backfillId, :dagRunId, :reason, :logicalDate, :ordinal)""")
                .bind("backfillId", backfillId)
                .bind("dagRunId", dagRunId)
                .bind("reason", exceptionReason)
                .bind("logicalDate", Times.arg(logicalDate))
                .bind("ordinal", ordinal)
                .execute());
  }

  /**
   * Makes run {@code dagRunId} part of the backfill: type {@code backfill}, triggered by {@code
   * backfill}, and, when given, the backfill's conf (Airflow's {@code _handle_clear_run}).
   */
  public void adoptRun(long dagRunId, long backfillId, String conf) {
    db.inTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE dag_run SET backfill_id = :backfillId, run_type = 'backfill',"
                        + " triggered_by = 'backfill'"
                        + (conf != null ? ", conf = :conf" : "")
                        + " WHERE id = :id")
                .bind("backfillId", backfillId)
                .bind("conf", conf)
                .bind("id", dagRunId)
                .execute());
  }
}
