package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.sdk.DagRunState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** The API's reads of {@code backfill} and its pause, unpause and cancel. */
public final class BackfillListing {
  private static final RowMapper<BackfillRecord> MAPPER =
      (rs, ctx) ->
          new BackfillRecord(
              rs.getLong("id"),
              rs.getString("dag_id"),
              Times.get(rs, "from_date"),
              Times.get(rs, "to_date"),
              rs.getString("dag_run_conf"),
              rs.getBoolean("is_paused"),
              rs.getString("reprocess_behavior"),
              rs.getInt("max_active_runs"),
              Times.get(rs, "created_at"),
              Times.get(rs, "completed_at"),
              Times.get(rs, "updated_at"),
              rs.getString("triggering_user_name"));

  private final MetadataDatabase db;
  private final Clock clock;

  public BackfillListing(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The backfill {@code id}, if it exists. */
  public Optional<BackfillRecord> find(long id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM backfill WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  /** A page of the backfills of {@code dagId}, by id ({@code descending} or not). */
  public List<BackfillRecord> page(String dagId, boolean descending, int limit, int offset) {
    String order = " ORDER BY id" + (descending ? " DESC" : "");
    return ofDag(dagId).page(db, "SELECT * FROM backfill", order, limit, offset, MAPPER);
  }

  /** How many backfills {@code dagId} has. */
  public long count(String dagId) {
    return ofDag(dagId).count(db, "FROM backfill");
  }

  private static SqlFilter ofDag(String dagId) {
    return new SqlFilter().withValue("dag_id = ?", dagId);
  }

  /** Pauses or unpauses the backfill; false if it does not exist. */
  public boolean setPaused(long id, boolean paused) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE backfill SET is_paused = :paused, updated_at = :now WHERE id = :id")
                    .bind("paused", paused)
                    .bind("now", Times.arg(clock.instant()))
                    .bind("id", id)
                    .execute()
                > 0);
  }

  /**
   * Cancels the backfill as Airflow does: paused first (so the scheduler starts none of its runs),
   * its queued runs failed, and then marked complete. Running runs go on to their end.
   */
  public void cancel(long id) {
    setPaused(id, true);
    Instant now = Times.truncate(clock.instant());
    db.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  """
                  UPDATE dag_run SET state = :failed, updated_at = :now
                  WHERE state = :queued AND id IN (
                    SELECT dag_run_id FROM backfill_dag_run WHERE backfill_id = :id)""")
              .bind("failed", DagRunState.FAILED.value())
              .bind("queued", DagRunState.QUEUED.value())
              .bind("now", Times.arg(now))
              .bind("id", id)
              .execute();
          return handle
              .createUpdate(
                  "UPDATE backfill SET completed_at = :now, updated_at = :now WHERE id = :id")
              .bind("now", Times.arg(now))
              .bind("id", id)
              .execute();
        });
  }
}
