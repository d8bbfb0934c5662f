package dev.updraft.metadata.state;

import java.util.List;
import java.util.Set;

/**
 * One page of connections: those whose id matches any of {@code idPatterns} (case-insensitive SQL
 * LIKE; none means all), ordered by {@code orderBy}, {@code limit} rows from {@code offset}.
 */
public record ConnectionQuery(List<String> idPatterns, List<Order> orderBy, int limit, int offset) {
  /** The columns connections can be sorted by. */
  public static final Set<String> COLUMNS =
      Set.of("id", "conn_id", "conn_type", "description", "host", "port");

  public ConnectionQuery {
    idPatterns = List.copyOf(idPatterns);
    orderBy = List.copyOf(orderBy);
  }

  /** A column to sort by, one of {@link #COLUMNS}. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order connections by " + column);
      }
    }
  }
}
