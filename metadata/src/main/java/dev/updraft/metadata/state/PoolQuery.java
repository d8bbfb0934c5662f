package dev.updraft.metadata.state;

import java.util.List;

/**
 * One page of pools: those whose name matches any of {@code namePatterns} (case-insensitive SQL
 * LIKE; none means all), ordered by {@code orderBy}, {@code limit} rows from {@code offset}.
 */
public record PoolQuery(List<String> namePatterns, List<Order> orderBy, int limit, int offset) {
  public PoolQuery {
    namePatterns = List.copyOf(namePatterns);
    orderBy = List.copyOf(orderBy);
  }

  /** A column to sort by: {@code id} or {@code pool}. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!column.equals("id") && !column.equals("pool")) {
        throw new IllegalArgumentException("cannot order pools by " + column);
      }
    }
  }
}
