package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.DagRowMapper;
import dev.updraft.metadata.state.internal.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Pages of DAGs for the API: one query for the page, one for the page's tags and one for the total,
 * whatever the page size (no query per DAG).
 */
public final class DagListing {
  private static final String LAST_RUN_JOIN =
      " LEFT JOIN (SELECT dag_id, MAX(id) AS max_id FROM dag_run WHERE start_date IS NOT NULL"
          + " GROUP BY dag_id) mrq ON mrq.dag_id = d.dag_id"
          + " LEFT JOIN dag_run lr ON lr.id = mrq.max_id";

  private static final Map<String, String> ORDER_SQL =
      Map.of(
          "dag_id", "d.dag_id",
          "next_dagrun", "d.next_dagrun",
          "last_run_state", "lr.state",
          "last_run_start_date", "lr.start_date");

  private final MetadataDatabase db;

  public DagListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The page {@code query} asks for, each DAG with its tags. */
  public List<DagRecord> page(DagQuery query) {
    if (query.matchNothing()) {
      return List.of();
    }
    StringBuilder order = new StringBuilder();
    boolean byDagId = false;
    for (DagQuery.Order o : query.orderBy()) {
      order.append(order.isEmpty() ? " ORDER BY " : ", ").append(ORDER_SQL.get(o.column()));
      // PostgreSQL's default null placement, spelled out so H2 sorts the same.
      order.append(o.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST");
      byDagId |= o.column().equals("dag_id");
    }
    if (!byDagId) {
      order.append(order.isEmpty() ? " ORDER BY " : ", ").append("d.dag_id ASC");
    }
    String sql =
        "SELECT d.* FROM dag d"
            + (query.joinsLastRun() ? LAST_RUN_JOIN : "")
            + where(query)
            + order
            + " LIMIT :limit OFFSET :offset";
    return db.withHandle(
        handle -> {
          var q =
              handle.createQuery(sql).bind("limit", query.limit()).bind("offset", query.offset());
          bind(q, query);
          List<String> ids = q.map((rs, ctx) -> rs.getString("dag_id")).list();
          if (ids.isEmpty()) {
            return List.of();
          }
          return records(handle, ids);
        });
  }

  /** How many DAGs {@code query} matches, ignoring its limit and offset. */
  public long count(DagQuery query) {
    if (query.matchNothing()) {
      return 0;
    }
    String sql =
        "SELECT COUNT(*) FROM dag d" + (query.joinsLastRun() ? LAST_RUN_JOIN : "") + where(query);
    return db.withHandle(
        handle -> {
          var q = handle.createQuery(sql);
          bind(q, query);
          return q.mapTo(Long.class).one();
        });
  }

  /**
   * Pauses or unpauses the DAGs {@code dagIds} (as Airflow's bulk PATCH does for the page it read);
   * how many rows changed.
   */
  public int setPaused(List<String> dagIds, boolean paused) {
    if (dagIds.isEmpty()) {
      return 0;
    }
    return db.inTransaction(
        handle ->
            handle
                .createUpdate("UPDATE dag SET is_paused = :paused WHERE dag_id IN (<ids>)")
                .bind("paused", paused)
                .bindList("ids", dagIds)
                .execute());
  }

  // One query for the rows and one for their tags, kept in the page's order.
  private static List<DagRecord> records(Handle handle, List<String> ids) {
    Map<String, List<String>> tags = new HashMap<>();
    handle
        .createQuery("SELECT dag_id, name FROM dag_tag WHERE dag_id IN (<ids>) ORDER BY name")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getString("dag_id"), rs.getString("name")))
        .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, DagRecord> byId = new LinkedHashMap<>();
    handle
        .createQuery("SELECT * FROM dag WHERE dag_id IN (<ids>)")
        .bindList("ids", ids)
        .map(new DagRowMapper(tags))
        .forEach(dag -> byId.put(dag.dagId(), dag));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private static String where(DagQuery query) {
    List<String> conditions = new ArrayList<>();
    if (query.excludeStale()) {
      conditions.add("d.is_stale = FALSE");
    }
    if (query.paused() != null) {
      conditions.add("d.is_paused = :paused");
    }
    if (query.hasImportErrors() != null) {
      conditions.add("d.has_import_errors = :hasImportErrors");
    }
    anyOf(conditions, query.idPatterns().size(), i -> "LOWER(d.dag_id) LIKE LOWER(:idp" + i + ")");
    anyOf(
        conditions,
        query.displayNamePatterns().size(),
        i -> "LOWER(d.dag_id) LIKE LOWER(:namep" + i + ")");
    anyOf(
        conditions,
        query.owners().size(),
        i -> "LOWER(d.owners) LIKE LOWER(:owner" + i + ") ESCAPE '\\'");
    if (!query.tags().isEmpty()) {
      if (query.allTags()) {
        for (int i = 0; i < query.tags().size(); i++) {
          conditions.add(
              "EXISTS (SELECT 1 FROM dag_tag t WHERE t.dag_id = d.dag_id AND t.name = :tag"
                  + i
                  + ")");
        }
      } else {
        conditions.add(
            "EXISTS (SELECT 1 FROM dag_tag t WHERE t.dag_id = d.dag_id AND t.name IN (<tags>))");
      }
    }
    if (!query.lastRunStates().isEmpty()) {
      conditions.add("lr.state IN (<lastRunStates>)");
    }
    DagQuery.RunBounds b = query.lastRun();
    bound(conditions, b.startGte(), "lr.start_date >= :startGte");
    bound(conditions, b.startGt(), "lr.start_date > :startGt");
    bound(conditions, b.startLte(), "lr.start_date <= :startLte");
    bound(conditions, b.startLt(), "lr.start_date < :startLt");
    bound(conditions, b.endGte(), "lr.end_date >= :endGte");
    bound(conditions, b.endGt(), "lr.end_date > :endGt");
    bound(conditions, b.endLte(), "lr.end_date <= :endLte");
    bound(conditions, b.endLt(), "lr.end_date < :endLt");
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void anyOf(
      List<String> conditions, int count, java.util.function.IntFunction<String> condition) {
    if (count > 0) {
      conditions.add(
          java.util.stream.IntStream.range(0, count)
              .mapToObj(condition)
              .collect(Collectors.joining(" OR ", "(", ")")));
    }
  }

  private static void bound(List<String> conditions, Instant value, String condition) {
    if (value != null) {
      conditions.add(condition);
    }
  }

  private static void bind(SqlStatement<?> statement, DagQuery query) {
    if (query.paused() != null) {
      statement.bind("paused", query.paused());
    }
    if (query.hasImportErrors() != null) {
      statement.bind("hasImportErrors", query.hasImportErrors());
    }
    for (int i = 0; i < query.idPatterns().size(); i++) {
      statement.bind("idp" + i, query.idPatterns().get(i));
    }
    for (int i = 0; i < query.displayNamePatterns().size(); i++) {
      statement.bind("namep" + i, query.displayNamePatterns().get(i));
    }
    for (int i = 0; i < query.owners().size(); i++) {
      statement.bind("owner" + i, "%" + escapeLike(query.owners().get(i)) + "%");
    }
    if (!query.tags().isEmpty()) {
      if (query.allTags()) {
        for (int i = 0; i < query.tags().size(); i++) {
          statement.bind("tag" + i, query.tags().get(i));
        }
      } else {
        statement.bindList("tags", query.tags());
      }
    }
    if (!query.lastRunStates().isEmpty()) {
      statement.bindList("lastRunStates", query.lastRunStates());
    }
    DagQuery.RunBounds b = query.lastRun();
    bindInstant(statement, "startGte", b.startGte());
    bindInstant(statement, "startGt", b.startGt());
    bindInstant(statement, "startLte", b.startLte());
    bindInstant(statement, "startLt", b.startLt());
    bindInstant(statement, "endGte", b.endGte());
    bindInstant(statement, "endGt", b.endGt());
    bindInstant(statement, "endLte", b.endLte());
    bindInstant(statement, "endLt", b.endLt());
  }

  private static void bindInstant(SqlStatement<?> statement, String name, Instant value) {
    if (value != null) {
      statement.bind(name, Times.arg(value));
    }
  }

  /** {@code text} with LIKE's wildcards and escape taken literally (escape character {@code \}). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_")
        .toLowerCase(Locale.ROOT);
  }
}
