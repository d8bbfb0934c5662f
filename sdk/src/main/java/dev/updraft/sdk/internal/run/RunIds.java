package dev.updraft.sdk.internal.run;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids as Airflow makes them: {@code manual__2024-01-01T00:00:00+00:00}. */
public final class RunIds {
  private RunIds() {}

  public static String of(String runType, Instant logicalDate) {
    return runType + "__" + isoformat(logicalDate);
  }

  /** Python's {@code datetime.isoformat()} of a UTC instant (microseconds only when non-zero). */
  public static String isoformat(Instant instant) {
    OffsetDateTime time = instant.atOffset(ZoneOffset.UTC);
    String text = time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    int micros = time.getNano() / 1000;
    return (micros != 0 ? text + String.format(".%06d", micros) : text) + "+00:00";
  }
}
