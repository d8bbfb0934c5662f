package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * XComs for the API: a page of them with their runs' dates (each filter optional; Airflow's {@code
 * ~} means "any") and one entry. Every value is bound; columns come from allow-lists.
 */
public final class XComListing {
  /** The columns patterns and bounds may name. */
  private static final Map<String, String> COLUMNS =
      Map.of(
          "key", "x.\"key\"",
          "dag_id", "x.dag_id",
          "run_id", "x.run_id",
          "task_id", "x.task_id",
          "logical_date", "dr.logical_date",
          "run_after", "dr.run_after");

  private static final Set<String> OPERATORS = Set.of(">=", ">", "<=", "<");

  private static final String FROM = "FROM xcom x JOIN dag_run dr ON dr.id = x.dag_run_id";

  private static final RowMapper<Entry> MAPPER =
      (rs, ctx) ->
          new Entry(
              XComRepository.MAPPER.map(rs, ctx),
              Times.get(rs, "dr_logical_date"),
              Times.get(rs, "dr_run_after"));

  private final MetadataDatabase db;

  public XComListing(MetadataDatabase db) {
    this.db = db;
  }

  /** An XCom with its run's logical date and run_after. */
  public record Entry(XComRecord xcom, Instant logicalDate, Instant runAfter) {}

  /**
   * What to list; {@code null} and empty members match anything.
   *
   * @param patterns per column ({@code key}, {@code dag_id}, {@code run_id}, {@code task_id}):
   *     case-insensitive LIKE patterns, any of which matches
   * @param bounds per date column ({@code logical_date}, {@code run_after}): comparisons that must
   *     all hold
   */
  public record Filter(
      String dagId,
      String runId,
      String taskId,
      Integer mapIndex,
      String key,
      Map<String, List<String>> patterns,
      List<TaskInstanceQuery.Bound> bounds) {

    public Filter {
      patterns = patterns == null ? Map.of() : Map.copyOf(patterns);
      bounds = bounds == null ? List.of() : List.copyOf(bounds);
    }

    /** Exact matches only. */
    public Filter(String dagId, String runId, String taskId, Integer mapIndex, String key) {
      this(dagId, runId, taskId, mapIndex, key, Map.of(), List.of());
    }
  }

  /** A page of the XComs matching {@code filter}, by dag, task, run, map index and key. */
  public List<Entry> page(Filter filter, int limit, int offset) {
    return where(filter)
        .page(
            db,
            "SELECT x.*, dr.logical_date AS dr_logical_date, dr.run_after AS dr_run_after " + FROM,
            " ORDER BY x.dag_id, x.task_id, x.run_id, x.map_index, x.\"key\"",
            limit,
            offset,
            MAPPER);
  }

  /** How many XComs match {@code filter}. */
  public long count(Filter filter) {
    return where(filter).count(db, FROM);
  }

  /** The one XCom of a task instance under {@code key}, if any. */
  public Optional<Entry> find(String dagId, String runId, String taskId, int mapIndex, String key) {
    return page(new Filter(dagId, runId, taskId, mapIndex, key), 1, 0).stream().findFirst();
  }

  private static String column(String name) {
    String column = COLUMNS.get(name);
    if (column == null) {
      throw new IllegalArgumentException("not an XCom column: " + name);
    }
    return column;
  }

  private static SqlFilter where(Filter filter) {
    SqlFilter sql =
        new SqlFilter()
            .equal("x.dag_id", filter.dagId())
            .equal("x.run_id", filter.runId())
            .equal("x.task_id", filter.taskId())
            .equal("x.map_index", filter.mapIndex())
            .equal("x.\"key\"", filter.key());
    filter
        .patterns()
        .forEach(
            (name, patterns) -> {
              if (!patterns.isEmpty()) {
                sql.likeAny(column(name), patterns);
              }
            });
    for (TaskInstanceQuery.Bound bound : filter.bounds()) {
      if (!OPERATORS.contains(bound.op()) || !(bound.value() instanceof Instant at)) {
        throw new IllegalArgumentException("not a date comparison: " + bound);
      }
      sql.compare(column(bound.column()), bound.op(), at);
    }
    return sql;
  }
}
