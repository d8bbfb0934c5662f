package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** Pages of {@code import_error} for the API. */
public final class ImportErrorListing {
  /** The columns import errors may be ordered by. */
  public static final List<String> ORDER_COLUMNS =
      List.of("id", "timestamp", "filename", "bundle_name", "stacktrace");

  private static final RowMapper<ImportErrorRecord> MAPPER =
      (rs, ctx) ->
          new ImportErrorRecord(
              rs.getLong("id"),
              Times.get(rs, "timestamp"),
              rs.getString("filename"),
              rs.getString("bundle_name"),
              rs.getString("stacktrace"));

  private final MetadataDatabase db;

  public ImportErrorListing(MetadataDatabase db) {
    this.db = db;
  }

  /** A sort key: a column of {@link #ORDER_COLUMNS}. */
  public record Order(String column, boolean descending) {
    public Order {
      if (!ORDER_COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order import errors by " + column);
      }
    }
  }

  /** The import error {@code id}. */
  public Optional<ImportErrorRecord> find(long id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM import_error WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  /**
   * Import errors whose file name matches any of {@code patterns} (case-insensitive LIKE; none:
   * all), ordered by {@code orderBy} then id, {@code limit} from {@code offset}.
   */
  public List<ImportErrorRecord> page(
      List<String> patterns, List<Order> orderBy, int limit, int offset) {
    StringBuilder order = new StringBuilder();
    boolean byId = false;
    for (Order o : orderBy) {
      order.append(order.isEmpty() ? " ORDER BY " : ", ").append(o.column());
      order.append(o.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST");
      byId |= o.column().equals("id");
    }
    if (!byId) {
      order.append(order.isEmpty() ? " ORDER BY " : ", ").append("id ASC");
    }
    String sql =
        "SELECT * FROM import_error" + where(patterns) + order + " LIMIT :limit OFFSET :offset";
    return db.withHandle(
        handle -> {
          var q = handle.createQuery(sql).bind("limit", limit).bind("offset", offset);
          bind(q, patterns);
          return q.map(MAPPER).list();
        });
  }

  /** How many import errors match {@code patterns}. */
  public long count(List<String> patterns) {
    return db.withHandle(
        handle -> {
          var q = handle.createQuery("SELECT COUNT(*) FROM import_error" + where(patterns));
          bind(q, patterns);
          return q.mapTo(Long.class).one();
        });
  }

  private static String where(List<String> patterns) {
    if (patterns.isEmpty()) {
      return "";
    }
    return IntStream.range(0, patterns.size())
        .mapToObj(i -> "LOWER(filename) LIKE LOWER(:p" + i + ")")
        .collect(Collectors.joining(" OR ", " WHERE (", ")"));
  }

  private static void bind(SqlStatement<?> q, List<String> patterns) {
    for (int i = 0; i < patterns.size(); i++) {
      q.bind("p" + i, patterns.get(i));
    }
  }

  /** For callers mapping API names to columns. */
  public static Map<String, String> columns() {
    return ORDER_COLUMNS.stream().collect(Collectors.toMap(c -> c, c -> c));
  }
}
