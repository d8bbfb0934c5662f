package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A filtered, ordered page of DAGs, as Airflow's {@code GET /dags}. Filters on the "last run" use
 * each DAG's latest started run (the highest {@code dag_run.id} with a start date), as Airflow.
 *
 * @param idPatterns case-insensitive LIKE patterns on {@code dag_id}; any may match (none: all)
 * @param displayNamePatterns the same on the display name, which for Updraft DAGs is the id
 * @param tags tag names; a DAG matches with any of them, or all when {@code allTags}
 * @param owners owner substrings (matched literally, case-insensitively); any may match
 * @param excludeStale leave out DAGs no longer found in their source
 * @param paused only paused ({@code true}) or unpaused ({@code false}) DAGs; {@code null}: both
 * @param hasImportErrors only DAGs with (or without) import errors; {@code null}: both
 * @param lastRunStates the last run's state must be one of these (none: any)
 * @param lastRun bounds on the last run's start and end dates
 * @param matchNothing a filter no DAG can meet (e.g. an unknown bundle) was given
 * @param orderBy sort keys; {@code dag_id} breaks ties
 */
public record DagQuery(
    List<String> idPatterns,
    List<String> displayNamePatterns,
    List<String> tags,
    boolean allTags,
    List<String> owners,
    boolean excludeStale,
    Boolean paused,
    Boolean hasImportErrors,
    List<String> lastRunStates,
    RunBounds lastRun,
    boolean matchNothing,
    List<Order> orderBy,
    int limit,
    int offset) {

  /** What a DAG may be ordered by: columns of the DAG and of its last run. */
  public static final Set<String> ORDER_COLUMNS =
      Set.of("dag_id", "next_dagrun", "last_run_state", "last_run_start_date");

  public DagQuery {
    idPatterns = List.copyOf(idPatterns);
    displayNamePatterns = List.copyOf(displayNamePatterns);
    tags = List.copyOf(tags);
    owners = List.copyOf(owners);
    lastRunStates = List.copyOf(lastRunStates);
    orderBy = List.copyOf(orderBy);
  }

  /** The same filters and order, another page. */
  public DagQuery withPage(int limit, int offset) {
    return new DagQuery(
        idPatterns,
        displayNamePatterns,
        tags,
        allTags,
        owners,
        excludeStale,
        paused,
        hasImportErrors,
        lastRunStates,
        lastRun,
        matchNothing,
        orderBy,
        limit,
        offset);
  }

  /** Whether a filter or a sort key needs each DAG's last run. */
  boolean joinsLastRun() {
    return !lastRunStates.isEmpty()
        || !lastRun.isEmpty()
        || orderBy.stream().anyMatch(o -> o.column().startsWith("last_run_"));
  }

  /** A sort key: one of {@link #ORDER_COLUMNS}. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!ORDER_COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order DAGs by " + column);
      }
    }
  }

  /**
   * Inclusive ({@code Gte}/{@code Lte}) and exclusive bounds on a run's dates; each may be null.
   */
  public record RunBounds(
      Instant startGte,
      Instant startGt,
      Instant startLte,
      Instant startLt,
      Instant endGte,
      Instant endGt,
      Instant endLte,
      Instant endLt) {
    public static final RunBounds NONE =
        new RunBounds(null, null, null, null, null, null, null, null);

    boolean isEmpty() {
      return equals(NONE);
    }
  }
}
