package dev.updraft.sdk.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the ISO-8601 dates users write for start dates and logical dates. */
public final class IsoDates {
  private IsoDates() {}

  /**
   * A date ({@code 2024-01-01}, midnight in {@code zone}), a local date-time (in {@code zone}), or
   * a date-time with an offset or {@code Z}.
   *
   * @throws IllegalArgumentException naming {@code what} and the text when it is none of these
   */
  public static Instant parse(String text, ZoneId zone, String what) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not an ISO-8601 date or date-time", e);
    }
  }
}
