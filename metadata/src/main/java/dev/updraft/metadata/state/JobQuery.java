package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.List;

/**
 * One page of jobs, as Airflow's {@code GET /jobs} filters them; {@code null} filters are unused.
 *
 * @param alive only jobs that are (true) or are not (false) alive: running with a heartbeat after
 *     {@code aliveSince}
 * @param startDate bounds on {@code start_date}
 * @param endDate bounds on {@code end_date}
 */
public record JobQuery(
    String state,
    String jobType,
    String hostname,
    String executorClass,
    Boolean alive,
    Instant aliveSince,
    Range startDate,
    Range endDate,
    List<Order> orderBy,
    int limit,
    int offset) {

  /** The columns a page may be ordered by. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "dag_id",
          "state",
          "job_type",
          "start_date",
          "end_date",
          "latest_heartbeat",
          "executor_class",
          "hostname",
          "unixname");

  public JobQuery {
    orderBy = List.copyOf(orderBy);
  }

  /** Airflow's datetime range filter: {@code _gte}, {@code _gt}, {@code _lte}, {@code _lt}. */
  public record Range(Instant gte, Instant gt, Instant lte, Instant lt) {
    public static final Range ANY = new Range(null, null, null, null);
  }

  /** A column to sort by. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order jobs by " + column);
      }
    }
  }
}
