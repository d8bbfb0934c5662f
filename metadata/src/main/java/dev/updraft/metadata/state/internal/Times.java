package dev.updraft.metadata.state.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same way on PostgreSQL and
 * H2: bound as UTC {@link OffsetDateTime}s (never through the JVM's zone) at the microsecond
 * precision both databases keep.
 */
public final class Times {
  private Times() {}

  /** {@code instant} as a bindable argument; {@code null} becomes a typed SQL NULL. */
  public static Argument arg(Instant instant) {
    if (instant == null) {
      return (position, statement, context) ->
          statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    OffsetDateTime value = OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
    return (position, statement, context) -> statement.setObject(position, value);
  }

  /** The precision the databases store, so what is written equals what is read back. */
  public static Instant truncate(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The instant in {@code column}, or {@code null}. */
  public static Instant get(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
