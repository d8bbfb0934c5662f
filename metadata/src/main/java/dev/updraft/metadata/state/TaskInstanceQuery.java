package dev.updraft.metadata.state;

import java.util.List;
import java.util.Map;

/**
 * A filtered, sorted page of task instances (with their runs), as the API's list endpoints ask for
 * one. Column names are checked against {@link TaskInstanceListing}'s allow-lists, never put into
 * SQL as given.
 *
 * @param anyOf per column ({@code dag_id}, {@code run_id}, {@code task_id}, {@code pool}, {@code
 *     queue}, {@code executor}, {@code operator}): the values it may have; an empty list is no
 *     filter
 * @param states the states allowed (values); empty for any
 * @param noState whether instances with no state match too (Airflow's {@code none})
 * @param numbers per column ({@code try_number}, {@code map_index}): the values it may have
 * @param patterns per column ({@code task_id}, {@code dag_id}, {@code run_id}, {@code pool}, {@code
 *     queue}, {@code operator}): case-insensitive LIKE patterns, any of which matches
 * @param ranges bounds on dates and durations
 * @param order sort keys, by allowed column
 */
public record TaskInstanceQuery(
    Map<String, List<String>> anyOf,
    List<String> states,
    boolean noState,
    Map<String, List<Integer>> numbers,
    Map<String, List<String>> patterns,
    List<Bound> ranges,
    List<Order> order,
    int limit,
    int offset) {

  public TaskInstanceQuery {
    anyOf = Map.copyOf(anyOf);
    states = List.copyOf(states);
    numbers = Map.copyOf(numbers);
    patterns = Map.copyOf(patterns);
    ranges = List.copyOf(ranges);
    order = List.copyOf(order);
  }

  /** A sort key. */
  public record Order(String column, boolean descending) {}

  /**
   * One bound: {@code column op value}, {@code op} one of {@code >=, >, <=, <}; {@code value} an
   * {@link java.time.Instant} or a {@link Double}.
   */
  public record Bound(String column, String op, Object value) {}
}
