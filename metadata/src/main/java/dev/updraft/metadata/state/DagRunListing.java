package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.DagRunRowMapper;
import dev.updraft.metadata.state.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** Reads DAG runs for the API: filtered, sorted and paged pages with exact totals. */
public final class DagRunListing {
  /** A run's duration in seconds; NULL until it has both a start and an end. */
  static final String DURATION_SQL =
      "(EXTRACT(EPOCH FROM end_date) - EXTRACT(EPOCH FROM start_date))";

  /** The sort names the API allows, mapped to their SQL. */
  public static final Map<String, String> SORTABLE =
      Map.ofEntries(
          Map.entry("id", "id"),
          Map.entry("state", "state"),
          Map.entry("dag_id", "dag_id"),
          Map.entry("run_id", "run_id"),
          Map.entry("logical_date", "logical_date"),
          Map.entry("run_after", "run_after"),
          Map.entry("start_date", "start_date"),
          Map.entry("end_date", "end_date"),
          Map.entry("updated_at", "updated_at"),
          Map.entry("conf", "conf"),
          Map.entry("duration", DURATION_SQL));

  private static final RowMapper<DagRunView> MAPPER = new ViewMapper();

  private final MetadataDatabase db;

  public DagRunListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The run {@code runId} of {@code dagId}, if it exists. */
  public Optional<DagRunView> find(String dagId, String runId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM dag_run WHERE dag_id = :dagId AND run_id = :runId")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .map(MAPPER)
                .findOne());
  }

  /** One page of the runs {@code query} selects, in its order. */
  public List<DagRunView> page(DagRunQuery query) {
    StringBuilder sql = new StringBuilder("SELECT * FROM dag_run");
    List<Binding> bindings = where(query, sql);
    List<String> keys = new ArrayList<>();
    for (DagRunQuery.Order order : query.order()) {
      String column = SORTABLE.get(order.column());
      if (column == null) {
        throw new IllegalArgumentException("cannot sort runs by '" + order.column() + "'");
      }
      // NULLs sort last ascending and first descending, as on PostgreSQL, on both databases.
      keys.add(column + (order.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
    }
    if (query.order().stream().noneMatch(o -> o.column().equals("id"))) {
      keys.add("id");
    }
    sql.append(" ORDER BY ").append(String.join(", ", keys)).append(" LIMIT :limit OFFSET :offset");
    return db.withHandle(
        handle -> {
          var statement = handle.createQuery(sql.toString());
          bind(statement, bindings);
          return statement
              .bind("limit", query.limit())
              .bind("offset", query.offset())
              .map(MAPPER)
              .list();
        });
  }

  /** How many runs {@code query} selects across all pages. */
  public long count(DagRunQuery query) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM dag_run");
    List<Binding> bindings = where(query, sql);
    return db.withHandle(
        handle -> {
          var statement = handle.createQuery(sql.toString());
          bind(statement, bindings);
          return statement.mapTo(Long.class).one();
        });
  }

  private record Binding(String name, Object value) {}

  private static List<Binding> where(DagRunQuery query, StringBuilder sql) {
    List<String> conditions = new ArrayList<>();
    List<Binding> bindings = new ArrayList<>();
    if (query.matchNothing()) {
      conditions.add("1 = 0");
    }
    anyOf(conditions, bindings, "dag_id = :d", query.dagIds(), "d");
    anyOf(conditions, bindings, "LOWER(dag_id) LIKE LOWER(:dp)", query.dagIdPatterns(), "dp");
    anyOf(conditions, bindings, "state = :s", query.states(), "s");
    anyOf(conditions, bindings, "run_type = :t", query.runTypes(), "t");
    anyOf(conditions, bindings, "LOWER(run_id) LIKE LOWER(:r)", query.runIdPatterns(), "r");
    anyOf(
        conditions,
        bindings,
        "LOWER(triggering_user_name) LIKE LOWER(:u)",
        query.userPatterns(),
        "u");
    int i = 0;
    for (DagRunQuery.Bound bound : query.bounds()) {
      String name = "b" + i++;
      conditions.add(bound.field().sql() + " " + bound.comparison().sql() + " :" + name);
      bindings.add(
          new Binding(
              name,
              bound.field() == DagRunQuery.Field.DURATION
                  ? bound.seconds()
                  : Times.arg(bound.time())));
    }
    if (query.confContains() != null) {
      conditions.add("conf LIKE :conf");
      bindings.add(new Binding("conf", "%" + query.confContains() + "%"));
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return bindings;
  }

  /** Adds {@code (template OR template …)} with each value bound under {@code prefix}N. */
  private static void anyOf(
      List<String> conditions,
      List<Binding> bindings,
      String template,
      List<String> values,
      String prefix) {
    if (values.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String name = prefix + i;
      parts.add(template.replace(":" + prefix, ":" + name));
      bindings.add(new Binding(name, values.get(i)));
    }
    conditions.add("(" + String.join(" OR ", parts) + ")");
  }

  private static void bind(SqlStatement<?> statement, List<Binding> bindings) {
    for (Binding binding : bindings) {
      if (binding.value() instanceof org.jdbi.v3.core.argument.Argument argument) {
        statement.bind(binding.name(), argument);
      } else {
        statement.bind(binding.name(), binding.value());
      }
    }
  }

  private static final class ViewMapper implements RowMapper<DagRunView> {
    private final DagRunRowMapper runs = new DagRunRowMapper();

    @Override
    public DagRunView map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
        throws SQLException {
      long backfillId = rs.getLong("backfill_id");
      Long backfill = rs.wasNull() ? null : backfillId;
      return new DagRunView(runs.map(rs, ctx), rs.getString("triggering_user_name"), backfill);
    }
  }
}
