package dev.updraft.metadata.state.internal;

import dev.updraft.metadata.MetadataDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A WHERE clause built from optional filters, every value bound (never spliced into the SQL): the
 * columns come from the caller's code, the values from users.
 */
public final class SqlFilter {
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** {@code column = value}, unless {@code value} is null. */
  public SqlFilter equal(String column, Object value) {
    if (value != null) {
      conditions.add(column + " = " + bind(value));
    }
    return this;
  }

  /** {@code column op value} for a time, unless {@code value} is null. */
  public SqlFilter compare(String column, String op, java.time.Instant value) {
    if (value != null) {
      conditions.add(column + " " + op + " " + bind(Times.arg(value)));
    }
    return this;
  }

  /** {@code column IN (…)} or {@code NOT IN}, unless {@code values} is empty. */
  public SqlFilter in(String column, List<?> values, boolean negate) {
    if (!values.isEmpty()) {
      List<String> names = values.stream().map(this::bind).toList();
      String list = "(" + String.join(", ", names) + ")";
      // NOT IN drops rows whose column is NULL, as SQLAlchemy's notin_ does.
      conditions.add(column + (negate ? " NOT IN " : " IN ") + list);
    }
    return this;
  }

  /** {@code (column IN (…) OR column IS NULL)}; either part only when it applies. */
  public SqlFilter inOrNull(String column, List<?> values, boolean orNull) {
    List<String> parts = new ArrayList<>();
    if (!values.isEmpty()) {
      List<String> names = values.stream().map(this::bind).toList();
      parts.add(column + " IN (" + String.join(", ", names) + ")");
    }
    if (orNull) {
      parts.add(column + " IS NULL");
    }
    if (!parts.isEmpty()) {
      conditions.add("(" + String.join(" OR ", parts) + ")");
    }
    return this;
  }

  /** Case-insensitive LIKE of any of {@code patterns}, unless there are none. */
  public SqlFilter likeAny(String column, List<String> patterns) {
    if (!patterns.isEmpty()) {
      List<String> any =
          patterns.stream().map(p -> "LOWER(" + column + ") LIKE LOWER(" + bind(p) + ")").toList();
      conditions.add("(" + String.join(" OR ", any) + ")");
    }
    return this;
  }

  /** A condition with no user values. */
  public SqlFilter raw(String condition) {
    conditions.add(condition);
    return this;
  }

  /** A condition over one bound value, written with {@code ?} where the value goes. */
  public SqlFilter withValue(String condition, Object value) {
    conditions.add(condition.replace("?", bind(value)));
    return this;
  }

  /** {@code " WHERE …"}, or empty without conditions. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * One page of {@code select} (a {@code SELECT … FROM …}) under this filter, in {@code orderBy}
   * (from {@link #orderBy}), {@code limit} rows from {@code offset}.
   */
  public <T> List<T> page(
      MetadataDatabase db,
      String select,
      String orderBy,
      int limit,
      int offset,
      RowMapper<T> mapper) {
    String sql = select + where() + orderBy + " LIMIT :limit OFFSET :offset";
    return db.withHandle(
        handle ->
            bindTo(handle.createQuery(sql))
                .bind("limit", limit)
                .bind("offset", offset)
                .map(mapper)
                .list());
  }

  /** How many rows of {@code from} (a {@code FROM …}, joins included) this filter keeps. */
  public long count(MetadataDatabase db, String from) {
    String sql = "SELECT COUNT(*) " + from + where();
    return db.withHandle(handle -> bindTo(handle.createQuery(sql)).mapTo(Long.class).one());
  }

  /** {@code " ORDER BY k1, k2…"} over {@code keys} (SQL from the caller's code), or empty. */
  public static String orderBy(List<String> keys) {
    return keys.isEmpty() ? "" : " ORDER BY " + String.join(", ", keys);
  }

  /** {@link #orderBy} over {@code keys}, then {@code id ASC} unless {@code byId} already. */
  public static String orderByThenId(Stream<String> keys, boolean byId) {
    List<String> all = new ArrayList<>(keys.toList());
    if (!byId) {
      all.add("id ASC");
    }
    return orderBy(all);
  }

  /**
   * The sort key {@code column} with NULLs last ascending and first descending, as PostgreSQL sorts
   * them, on both databases.
   */
  public static String nullsAsPostgres(String column, boolean descending) {
    return column + (descending ? " DESC NULLS FIRST" : " ASC NULLS LAST");
  }

  /** Binds the values to {@code statement}. */
  public <T extends SqlStatement<T>> T bindTo(T statement) {
    values.forEach(
        (name, value) -> {
          if (value instanceof Argument argument) {
            statement.bind(name, argument);
          } else {
            statement.bind(name, value);
          }
        });
    return statement;
  }

  private String bind(Object value) {
    String name = "f" + values.size();
    values.put(name, value);
    return ":" + name;
  }
}
