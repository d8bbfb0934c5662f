package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.List;

/**
 * One page of the event log, as Airflow's {@code GET /eventLogs} filters it. Every filter is
 * optional ({@code null} or empty: no filter); the {@code …Patterns} are case-insensitive SQL LIKE
 * patterns, any of which may match.
 *
 * @param before only events strictly before this time
 * @param after only events strictly after this time
 * @param orderBy columns to sort by, from {@link #COLUMNS}
 */
public record EventLogQuery(
    String dagId,
    String taskId,
    String runId,
    Integer mapIndex,
    Integer tryNumber,
    String owner,
    String event,
    List<String> excludedEvents,
    List<String> includedEvents,
    Instant before,
    Instant after,
    List<String> dagIdPatterns,
    List<String> taskIdPatterns,
    List<String> runIdPatterns,
    List<String> ownerPatterns,
    List<String> eventPatterns,
    List<Order> orderBy,
    int limit,
    int offset) {

  /** The columns a page may be ordered by. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "dttm",
          "dag_id",
          "task_id",
          "run_id",
          "event",
          "logical_date",
          "owner",
          "owner_display_name",
          "extra");

  public EventLogQuery {
    excludedEvents = excludedEvents == null ? List.of() : List.copyOf(excludedEvents);
    includedEvents = includedEvents == null ? List.of() : List.copyOf(includedEvents);
    dagIdPatterns = List.copyOf(dagIdPatterns);
    taskIdPatterns = List.copyOf(taskIdPatterns);
    runIdPatterns = List.copyOf(runIdPatterns);
    ownerPatterns = List.copyOf(ownerPatterns);
    eventPatterns = List.copyOf(eventPatterns);
    orderBy = List.copyOf(orderBy);
  }

  /** A column to sort by. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order the event log by " + column);
      }
    }
  }
}
