package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.TaskInstanceRowMapper;
import dev.updraft.metadata.state.internal.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

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

  private final MetadataDatabase db;

  public TaskInstanceListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The page {@code query} asks for. */
  public List<TaskInstanceRecord> page(TaskInstanceQuery query) {
    Where where = where(query);
    StringBuilder sql = new StringBuilder("SELECT ti.* ").append(where.sql).append(" ORDER BY ");
    for (TaskInstanceQuery.Order order : query.order()) {
      sql.append(column(order.column())).append(order.descending() ? " DESC, " : " ASC, ");
    }
    sql.append("ti.id LIMIT :limit OFFSET :offset");
    return db.withHandle(
        handle -> {
          var statement = handle.createQuery(sql.toString());
          where.bind(statement);
          return statement
              .bind("limit", query.limit())
              .bind("offset", query.offset())
              .map(MAPPER)
              .list();
        });
  }

  /** How many instances match {@code query}'s filters (ignoring its page). */
  public long count(TaskInstanceQuery query) {
    Where where = where(query);
    return db.withHandle(
        handle -> {
          var statement = handle.createQuery("SELECT COUNT(*) " + where.sql);
          where.bind(statement);
          return statement.mapTo(Long.class).one();
        });
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

  private static Where where(TaskInstanceQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "FROM task_instance ti JOIN dag_run dr ON dr.dag_id = ti.dag_id"
                + " AND dr.run_id = ti.run_id WHERE 1 = 1");
    List<Binding> bindings = new ArrayList<>();
    int[] n = {0};
    query
        .anyOf()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                String param = "p" + n[0]++;
                sql.append(" AND ")
                    .append(column(name))
                    .append(" IN (<")
                    .append(param)
                    .append(">)");
                bindings.add(s -> s.bindList(param, values));
              }
            });
    query
        .numbers()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                String param = "p" + n[0]++;
                sql.append(" AND ")
                    .append(column(name))
                    .append(" IN (<")
                    .append(param)
                    .append(">)");
                bindings.add(s -> s.bindList(param, values));
              }
            });
    if (!query.states().isEmpty() || query.noState()) {
      List<String> parts = new ArrayList<>();
      if (!query.states().isEmpty()) {
        String param = "p" + n[0]++;
        parts.add("ti.state IN (<" + param + ">)");
        bindings.add(s -> s.bindList(param, query.states()));
      }
      if (query.noState()) {
        parts.add("ti.state IS NULL");
      }
      sql.append(" AND (").append(String.join(" OR ", parts)).append(')');
    }
    for (Map.Entry<String, List<String>> entry : query.patterns().entrySet()) {
      if (entry.getValue().isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String pattern : entry.getValue()) {
        String param = "p" + n[0]++;
        parts.add("LOWER(" + column(entry.getKey()) + ") LIKE LOWER(:" + param + ")");
        bindings.add(s -> s.bind(param, pattern));
      }
      sql.append(" AND (").append(String.join(" OR ", parts)).append(')');
    }
    for (TaskInstanceQuery.Bound bound : query.ranges()) {
      if (!OPERATORS.contains(bound.op())) {
        throw new IllegalArgumentException("not a comparison: " + bound.op());
      }
      String param = "p" + n[0]++;
      sql.append(" AND ")
          .append(column(bound.column()))
          .append(' ')
          .append(bound.op())
          .append(" :")
          .append(param);
      if (bound.value() instanceof Instant instant) {
        bindings.add(s -> s.bind(param, Times.arg(instant)));
      } else {
        bindings.add(s -> s.bind(param, ((Number) bound.value()).doubleValue()));
      }
    }
    return new Where(sql.toString(), bindings);
  }

  @FunctionalInterface
  private interface Binding {
    void apply(SqlStatement<?> statement);
  }

  private record Where(String sql, List<Binding> bindings) {
    void bind(SqlStatement<?> statement) {
      bindings.forEach(b -> b.apply(statement));
    }
  }
}
