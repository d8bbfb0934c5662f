package dev.updraft.scheduler.backfill;

import java.util.Arrays;
import java.util.Locale;

/** What a backfill does with a logical date that already has a run, as Airflow 3's. */
public enum ReprocessBehavior {
  /** Leave every existing run alone. */
  NONE,
  /** Run again the runs that failed. */
  FAILED,
  /** Run again every finished run, failed or successful. */
  COMPLETED;

  /** Airflow's name: {@code none}, {@code failed} or {@code completed}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The behaviour named {@code value}; an error listing the names for anything else. */
  public static ReprocessBehavior fromValue(String value) {
    return Arrays.stream(values())
        .filter(b -> b.value().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "reprocess behavior must be none, failed or completed, not '" + value + "'"));
  }

  @Override
  public String toString() {
    return value();
  }
}
