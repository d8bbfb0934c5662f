package dev.updraft.metadata.lineage.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.core.statement.Update;

/**
 * One statement's text with its positional values and the Java types they bind as (so that nulls
 * bind with a type too).
 */
record BoundSql(String sql, List<Object> values, List<Class<?>> types) {

  /** Binds the values to a Jdbi update from {@code position} on; the position after them. */
  int bindInto(Update update, int position) {
    for (int i = 0; i < values.size(); i++) {
      update.bindByType(position++, values.get(i), types.get(i));
    }
    return position;
  }

  /** Binds the values to a JDBC statement from {@code position} (1-based) on; the next one. */
  int bindInto(PreparedStatement statement, int position) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      Class<?> type = types.get(i);
      int sqlType = sqlType(type);
      if (value == null) {
        statement.setNull(position++, sqlType);
      } else if (type == Long.class) {
        statement.setLong(position++, (Long) value);
      } else if (type == Integer.class) {
        statement.setInt(position++, (Integer) value);
      } else if (type == Double.class) {
        statement.setDouble(position++, (Double) value);
      } else if (type == Boolean.class) {
        statement.setBoolean(position++, (Boolean) value);
      } else {
        statement.setString(position++, value.toString());
      }
    }
    return position;
  }

  private static int sqlType(Class<?> type) {
    if (type == Long.class) {
      return Types.BIGINT;
    }
    if (type == Integer.class) {
      return Types.INTEGER;
    }
    if (type == Double.class) {
      return Types.DOUBLE;
    }
    if (type == Boolean.class) {
      return Types.BOOLEAN;
    }
    return Types.VARCHAR;
  }
}
