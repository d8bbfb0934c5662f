package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A page of DAG runs to read, as the API's run lists filter them. Every value is bound; columns
 * come only from the enums here and the sort allow-list of {@link DagRunListing}.
 *
 * @param dagIds the DAGs whose runs to read; empty for all
 * @param dagIdPatterns case-insensitive LIKE patterns on the DAG id, any of which matches; empty
 *     for all
 * @param bounds time and duration bounds, all of which must hold
 * @param states the states to keep (empty for all)
 * @param runTypes the run types to keep (empty for all)
 * @param runIdPatterns case-insensitive LIKE patterns on the run id, any of which matches
 * @param userPatterns case-insensitive LIKE patterns on the triggering user, any of which matches
 * @param confContains text the run's conf must contain, or {@code null}
 * @param dagVersions version numbers, one of which the DAG version the run was created from must
 *     have (empty for all)
 * @param matchNothing whether a filter on something runs here never have (a bundle version, a
 *     partition key) leaves no run
 * @param order sort keys (columns from {@link DagRunListing#SORTABLE})
 */
public record DagRunQuery(
    List<String> dagIds,
    List<String> dagIdPatterns,
    List<Bound> bounds,
    List<String> states,
    List<String> runTypes,
    List<String> runIdPatterns,
    List<String> userPatterns,
    String confContains,
    List<Integer> dagVersions,
    boolean matchNothing,
    List<Order> order,
    int limit,
    int offset) {

  public DagRunQuery {
    dagIds = List.copyOf(dagIds);
    dagIdPatterns = List.copyOf(dagIdPatterns);
    bounds = List.copyOf(bounds);
    states = List.copyOf(states);
    runTypes = List.copyOf(runTypes);
    runIdPatterns = List.copyOf(runIdPatterns);
    userPatterns = List.copyOf(userPatterns);
    dagVersions = List.copyOf(dagVersions);
    order = List.copyOf(order);
  }

  /** What a bound compares: a time column, or the run's duration in seconds. */
  public enum Field {
    RUN_AFTER("run_after"),
    LOGICAL_DATE("logical_date"),
    START_DATE("start_date"),
    END_DATE("end_date"),
    UPDATED_AT("updated_at"),
    DURATION(DagRunListing.DURATION_SQL);

    private final String sql;

    Field(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }

  /** How a bound compares. */
  public enum Comparison {
    GTE(">="),
    GT(">"),
    LTE("<="),
    LT("<");

    private final String sql;

    Comparison(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }

  /**
   * One bound: {@code field comparison value}; {@code time} for time fields, {@code seconds} for
   * the duration.
   */
  public record Bound(Field field, Comparison comparison, Instant time, Double seconds) {
    public Bound {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(comparison, "comparison");
    }
  }

  /** One sort key: a name from {@link DagRunListing#SORTABLE} and its direction. */
  public record Order(String column, boolean descending) {}
}
