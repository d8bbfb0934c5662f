package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Read-only summaries across DAGs for the API: tag names and run counts by state. */
public final class DagCatalog {
  private final MetadataDatabase db;

  public DagCatalog(MetadataDatabase db) {
    this.db = db;
  }

  /**
   * Distinct tag names matching any of {@code patterns} (case-insensitive LIKE; none: all), sorted
   * by name ({@code descending} reverses), {@code limit} from {@code offset}.
   */
  public List<String> tagNames(List<String> patterns, boolean descending, int limit, int offset) {
    String sql =
        "SELECT name FROM dag_tag"
            + tagWhere(patterns)
            + " GROUP BY name ORDER BY name "
            + (descending ? "DESC" : "ASC")
            + " LIMIT :limit OFFSET :offset";
    return db.withHandle(
        handle -> {
          var q = handle.createQuery(sql).bind("limit", limit).bind("offset", offset);
          for (int i = 0; i < patterns.size(); i++) {
            q.bind("p" + i, patterns.get(i));
          }
          return q.mapTo(String.class).list();
        });
  }

  /** How many distinct tag names match {@code patterns}. */
  public long countTagNames(List<String> patterns) {
    return db.withHandle(
        handle -> {
          var q =
              handle.createQuery("SELECT COUNT(DISTINCT name) FROM dag_tag" + tagWhere(patterns));
          for (int i = 0; i < patterns.size(); i++) {
            q.bind("p" + i, patterns.get(i));
          }
          return q.mapTo(Long.class).one();
        });
  }

  private static String tagWhere(List<String> patterns) {
    if (patterns.isEmpty()) {
      return "";
    }
    return IntStream.range(0, patterns.size())
        .mapToObj(i -> "LOWER(name) LIKE LOWER(:p" + i + ")")
        .collect(Collectors.joining(" OR ", " WHERE (", ")"));
  }

  /**
   * Run counts by state for each known DAG with runs (of {@code dagIds}, or all when empty), by DAG
   * id: states without runs are absent.
   */
  public Map<String, Map<String, Long>> runCountsByState(List<String> dagIds) {
    String sql =
        "SELECT r.dag_id, r.state, COUNT(*) AS n FROM dag_run r JOIN dag d ON d.dag_id = r.dag_id"
            + (dagIds.isEmpty() ? "" : " WHERE r.dag_id IN (<dagIds>)")
            + " GROUP BY r.dag_id, r.state ORDER BY r.dag_id";
    return db.withHandle(
        handle -> {
          var q = handle.createQuery(sql);
          if (!dagIds.isEmpty()) {
            q.bindList("dagIds", dagIds);
          }
          Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
          q.map(
                  (rs, ctx) ->
                      List.of(rs.getString("dag_id"), rs.getString("state"), rs.getLong("n")))
              .forEach(
                  row ->
                      counts
                          .computeIfAbsent((String) row.get(0), k -> new LinkedHashMap<>())
                          .put((String) row.get(1), (Long) row.get(2)));
          return counts;
        });
  }

  /** How many runs of {@code dagId} are queued or running. */
  public long activeRuns(String dagId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM dag_run WHERE dag_id = :dagId"
                        + " AND state IN ('queued', 'running')")
                .bind("dagId", dagId)
                .mapTo(Long.class)
                .one());
  }
}
