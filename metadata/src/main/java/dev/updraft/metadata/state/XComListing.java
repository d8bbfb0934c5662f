package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * XComs for the API: a page of them (each filter optional, Airflow's {@code ~} meaning "any") and
 * one entry, with the run's dates; plus an insert that fails on an existing key.
 */
public final class XComListing {
  private static final String FROM =
      " FROM xcom x JOIN dag_run dr ON dr.id = x.dag_run_id WHERE 1 = 1"
          + " AND (:dagId IS NULL OR x.dag_id = :dagId)"
          + " AND (:runId IS NULL OR x.run_id = :runId)"
          + " AND (:taskId IS NULL OR x.task_id = :taskId)"
          + " AND (:mapIndex IS NULL OR x.map_index = :mapIndex)"
          + " AND (:key IS NULL OR x.\"key\" = :key)";

  private final MetadataDatabase db;

  public XComListing(MetadataDatabase db) {
    this.db = db;
  }

  /** An XCom with its run's logical date and run_after. */
  public record Entry(XComRecord xcom, java.time.Instant logicalDate, java.time.Instant runAfter) {}

  /** Filters: each {@code null} matches anything. */
  public record Filter(String dagId, String runId, String taskId, Integer mapIndex, String key) {}

  /** A page of the XComs matching {@code filter}, by dag, task, run, map index and key. */
  public List<Entry> page(Filter filter, int limit, int offset) {
    return db.withHandle(
        handle -> {
          var query =
              handle.createQuery(
                  "SELECT x.*, dr.logical_date AS dr_logical_date, dr.run_after AS dr_run_after"
                      + FROM
                      + " ORDER BY x.dag_id, x.task_id, x.run_id, x.map_index, x.\"key\""
                      + " LIMIT :limit OFFSET :offset");
          bind(query, filter);
          return query
              .bind("limit", limit)
              .bind("offset", offset)
              .map(
                  (rs, ctx) ->
                      new Entry(
                          new XComRecord(
                              rs.getLong("dag_run_id"),
                              rs.getString("dag_id"),
                              rs.getString("run_id"),
                              rs.getString("task_id"),
                              rs.getInt("map_index"),
                              rs.getString("key"),
                              rs.getString("value"),
                              Times.get(rs, "timestamp")),
                          Times.get(rs, "dr_logical_date"),
                          Times.get(rs, "dr_run_after")))
              .list();
        });
  }

  /** How many XComs match {@code filter}. */
  public long count(Filter filter) {
    return db.withHandle(
        handle -> {
          var query = handle.createQuery("SELECT COUNT(*)" + FROM);
          bind(query, filter);
          return query.mapTo(Long.class).one();
        });
  }

  /** The one XCom of a task instance under {@code key}, if any. */
  public Optional<Entry> find(String dagId, String runId, String taskId, int mapIndex, String key) {
    List<Entry> found = page(new Filter(dagId, runId, taskId, mapIndex, key), 1, 0);
    return found.stream().findFirst();
  }

  private static void bind(SqlStatement<?> statement, Filter filter) {
    statement
        .bindByType("dagId", filter.dagId(), String.class)
        .bindByType("runId", filter.runId(), String.class)
        .bindByType("taskId", filter.taskId(), String.class)
        .bindByType("mapIndex", filter.mapIndex(), Integer.class)
        .bindByType("key", filter.key(), String.class);
  }
}
