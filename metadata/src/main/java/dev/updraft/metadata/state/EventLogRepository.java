package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;

/** The event log ({@code log}): who did what to which DAG, run or task, and when. */
public final class EventLogRepository {
  /** Reads a {@code log} row; {@link EventLogListing} shares it. */
  static final RowMapper<EventLogRecord> MAPPER =
      (rs, ctx) ->
          new EventLogRecord(
              rs.getLong("id"),
              Times.get(rs, "dttm"),
              rs.getString("dag_id"),
              rs.getString("task_id"),
              rs.getObject("map_index", Integer.class),
              rs.getString("event"),
              Times.get(rs, "logical_date"),
              rs.getString("run_id"),
              rs.getString("owner"),
              rs.getString("owner_display_name"),
              rs.getString("extra"),
              rs.getObject("try_number", Integer.class));

  private final MetadataDatabase db;
  private final Clock clock;

  public EventLogRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping {@code dttm}. */
  public EventLogRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records {@code event} (e.g. {@code trigger}, {@code paused}, {@code cli_task_run}); the other
   * arguments may be {@code null}. Returns the new row's id.
   */
  public long record(
      String event, String dagId, String taskId, String runId, String owner, String extraJson) {
    Objects.requireNonNull(event, "event");
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO log (dttm, dag_id, task_id, event, run_id, owner, extra)"
                        + " VALUES (:now, :dagId, :taskId, :event, :runId, :owner, :extra)")
                .bind("now", Times.arg(now))
                .bind("dagId", dagId)
                .bind("taskId", taskId)
                .bind("event", event)
                .bind("runId", runId)
                .bind("owner", owner)
                .bind("extra", extraJson)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** The latest {@code limit} events, newest first. */
  public List<EventLogRecord> list(int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM log ORDER BY dttm DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }
}
