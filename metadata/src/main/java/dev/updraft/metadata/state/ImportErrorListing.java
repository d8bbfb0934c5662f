package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;

/** Pages of {@code import_error} for the API. */
public final class ImportErrorListing {
  /** The columns import errors may be ordered by. */
  public static final List<String> ORDER_COLUMNS =
      List.of("id", "timestamp", "filename", "bundle_name", "stacktrace");

  /** Reads an {@code import_error} row; {@link ImportErrorRepository} shares it. */
  static final RowMapper<ImportErrorRecord> MAPPER =
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
    String order =
        SqlFilter.orderByThenId(
            orderBy.stream().map(o -> SqlFilter.nullsAsPostgres(o.column(), o.descending())),
            orderBy.stream().anyMatch(o -> o.column().equals("id")));
    return where(patterns).page(db, "SELECT * FROM import_error", order, limit, offset, MAPPER);
  }

  /** How many import errors match {@code patterns}. */
  public long count(List<String> patterns) {
    return where(patterns).count(db, "FROM import_error");
  }

  private static SqlFilter where(List<String> patterns) {
    return new SqlFilter().likeAny("filename", patterns);
  }

  /** For callers mapping API names to columns. */
  public static Map<String, String> columns() {
    return ORDER_COLUMNS.stream().collect(Collectors.toMap(c -> c, c -> c));
  }
}
