package dev.updraft.metadata.state;

import java.util.List;
import java.util.Set;

/**
 * A page of DAG versions: of {@code dagId} ({@code null}: every DAG), optionally only {@code
 * versionNumber}, {@code bundleName} and {@code bundleVersion}, ordered by {@code orderBy}.
 */
public record DagVersionQuery(
    String dagId,
    Integer versionNumber,
    String bundleName,
    String bundleVersion,
    List<Order> orderBy,
    int limit,
    int offset) {

  /** The columns versions may be ordered by. */
  public static final Set<String> ORDER_COLUMNS =
      Set.of("id", "version_number", "bundle_name", "bundle_version");

  public DagVersionQuery {
    orderBy = List.copyOf(orderBy);
  }

  /** A sort key, one of {@link #ORDER_COLUMNS}. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!ORDER_COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order DAG versions by " + column);
      }
    }
  }
}
