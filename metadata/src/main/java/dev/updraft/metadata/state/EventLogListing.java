package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Pages of the event log ({@code log}) for the API, filtered, ordered and counted in SQL. */
public final class EventLogListing {
  // The display names fall back to the ids, as Airflow's do, but only where the DAG or the task
  // instance still exists (Airflow reads them through those relationships).
  private static final String SELECT =
      "SELECT l.*,"
          + " CASE WHEN EXISTS (SELECT 1 FROM dag d WHERE d.dag_id = l.dag_id)"
          + " THEN l.dag_id END AS dag_display_name,"
          + " CASE WHEN EXISTS (SELECT 1 FROM task_instance ti WHERE ti.dag_id = l.dag_id"
          + " AND ti.task_id = l.task_id AND ti.run_id = l.run_id"
          + " AND ti.map_index = COALESCE(l.map_index, -1))"
          + " THEN l.task_id END AS task_display_name"
          + " FROM log l";

  private static final RowMapper<EventLogEntry> MAPPER =
      (rs, ctx) ->
          new EventLogEntry(
              EventLogRepository.MAPPER.map(rs, ctx),
              rs.getString("dag_display_name"),
              rs.getString("task_display_name"));

  private final MetadataDatabase db;

  public EventLogListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The page {@code query} asks for. */
  public List<EventLogEntry> page(EventLogQuery query) {
    List<String> keys =
        query.orderBy().stream()
            .map(o -> "l." + o.column() + (o.descending() ? " DESC" : " ASC"))
            .toList();
    return filter(query)
        .page(db, SELECT, SqlFilter.orderBy(keys), query.limit(), query.offset(), MAPPER);
  }

  /** How many rows {@code query} matches, ignoring its limit and offset. */
  public long count(EventLogQuery query) {
    return filter(query).count(db, "FROM log l");
  }

  /** Row {@code id}, if it exists. */
  public Optional<EventLogEntry> find(long id) {
    return db.withHandle(
        handle ->
            handle.createQuery(SELECT + " WHERE l.id = :id").bind("id", id).map(MAPPER).findOne());
  }

  private static SqlFilter filter(EventLogQuery q) {
    return new SqlFilter()
        .equal("l.dag_id", q.dagId())
        .equal("l.task_id", q.taskId())
        .equal("l.run_id", q.runId())
        .equal("l.map_index", q.mapIndex())
        .equal("l.try_number", q.tryNumber())
        .equal("l.owner", q.owner())
        .equal("l.event", q.event())
        .in("l.event", q.excludedEvents(), true)
        .in("l.event", q.includedEvents(), false)
        .compare("l.dttm", "<", q.before())
        .compare("l.dttm", ">", q.after())
        .likeAny("l.dag_id", q.dagIdPatterns())
        .likeAny("l.task_id", q.taskIdPatterns())
        .likeAny("l.run_id", q.runIdPatterns())
        .likeAny("l.owner", q.ownerPatterns())
        .likeAny("l.event", q.eventPatterns());
  }
}
