package dev.updraft.metadata.state.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.argument.Argument;
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
  public SqlFilter in(String column, List<String> values, boolean negate) {
    if (!values.isEmpty()) {
      List<String> names = values.stream().map(this::bind).toList();
      String list = "(" + String.join(", ", names) + ")";
      // NOT IN drops rows whose column is NULL, as SQLAlchemy's notin_ does.
      conditions.add(column + (negate ? " NOT IN " : " IN ") + list);
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
