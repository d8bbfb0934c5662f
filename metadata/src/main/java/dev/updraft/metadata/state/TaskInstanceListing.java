package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.TaskInstanceRowMapper;
import dev.updraft.metadata.state.internal.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pages of task instances for the API: filters and sort keys from a {@link TaskInstanceQuery},
 * every value bound and every column taken from an allow-list; also the note of one instance.
 */
public final class TaskInstanceListing {
  /** The columns a query may filter or sort on, by the name it uses. */
  private static final Map<String, String> COLUMNS =
      Map.ofEntries(
          Map.entry("id", "ti.id"),
          Map.entry("dag_id", "ti.dag_id"),
          Map.entry("run_id", "ti.run_id"),
          Map.entry("task_id", "ti.task_id"),
          Map.entry("state", "ti.state"),
          Map.entry("pool", "ti.pool"),
          Map.entry("queue", "ti.queue"),
          Map.entry("executor", "ti.executor"),
          Map.entry("operator", "ti.operator"),
          Map.entry("try_number", "ti.try_number"),
          Map.entry("map_index", "ti.map_index"),
          Map.entry("duration", "ti.duration"),
          Map.entry("start_date", "ti.start_date"),
          Map.entry("end_date", "ti.end_date"),
          Map.entry("updated_at", "ti.updated_at"),
          Map.entry("logical_date", "dr.logical_date"),
          Map.entry("run_after", "dr.run_after"),
          Map.entry("data_interval_start", "dr.data_interval_start"),
          Map.entry("data_interval_end", "dr.data_interval_end"));

  private static final Set<String> OPERATORS = Set.of(">=", ">", "<=", "<");
  private static final TaskInstanceRowMapper MAPPER = new TaskInstanceRowMapper("id");

  private static final String FROM =
      "FROM task_instance ti JOIN dag_run dr ON dr.dag_id = ti.dag_id AND dr.run_id = ti.run_id";

  private final MetadataDatabase db;

  public TaskInstanceListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The page {@code query} asks for. */
  public List<TaskInstanceRecord> page(TaskInstanceQuery query) {
    List<String> keys = new ArrayList<>();
    for (TaskInstanceQuery.Order order : query.order()) {
      keys.add(column(order.column()) + (order.descending() ? " DESC" : " ASC"));
    }
    keys.add("ti.id");
    return where(query)
        .page(
            db,
            "SELECT ti.* " + FROM,
            SqlFilter.orderBy(keys),
            query.limit(),
            query.offset(),
            MAPPER);
  }

  /** How many instances match {@code query}'s filters (ignoring its page). */
  public long count(TaskInstanceQuery query) {
    return where(query).count(db, FROM);
  }

  /** Sets the note of task instance {@code id}; false if it does not exist. */
  public boolean setNote(UUID id, String note, Instant at) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE task_instance SET note = :note, updated_at = :at,"
                            + " version = version + 1 WHERE id = :id")
                    .bind("note", note)
                    .bind("at", Times.arg(Times.truncate(at)))
                    .bind("id", id)
                    .execute())
        > 0;
  }

  private static String column(String name) {
    String column = COLUMNS.get(name);
    if (column == null) {
      throw new IllegalArgumentException("not a task instance column: " + name);
    }
    return column;
  }

  private static SqlFilter where(TaskInstanceQuery query) {
    SqlFilter sql = new SqlFilter();
    query.anyOf().forEach((name, values) -> in(sql, name, values));
    query.numbers().forEach((name, values) -> in(sql, name, values));
    sql.inOrNull("ti.state", query.states(), query.noState());
    query
        .patterns()
        .forEach(
            (name, patterns) -> {
              if (!patterns.isEmpty()) {
                sql.likeAny(column(name), patterns);
              }
            });
    for (TaskInstanceQuery.Bound bound : query.ranges()) {
      if (!OPERATORS.contains(bound.op())) {
        throw new IllegalArgumentException("not a comparison: " + bound.op());
      }
      if (bound.value() instanceof Instant instant) {
        sql.compare(column(bound.column()), bound.op(), instant);
      } else {
        sql.withValue(
            column(bound.column()) + " " + bound.op() + " ?",
            ((Number) bound.value()).doubleValue());
      }
    }
    return sql;
  }

  private static void in(SqlFilter sql, String name, List<?> values) {
    if (!values.isEmpty()) {
      sql.in(column(name), values, false);
    }
  }
}
