package dev.updraft.web.api.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the API writes and reads them: ISO-8601 in UTC with {@code Z}, microseconds when
 * there are any, as pydantic serialises Airflow's aware datetimes.
 */
public final class ApiTimes {
  private ApiTimes() {}

  /** {@code instant} as ISO-8601, or {@code null}. */
  public static String format(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * Reads ISO-8601 text: with an offset, without one (taken as UTC) or a bare date (midnight UTC);
   * {@code null} when it is none of these.
   */
  public static Instant parse(String text) {
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException naive) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException date) {
          return null;
        }
      }
    }
  }
}
