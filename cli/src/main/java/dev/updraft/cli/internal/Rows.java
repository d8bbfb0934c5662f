package dev.updraft.cli.internal;

import dev.updraft.sdk.internal.run.RunIds;
import java.time.Instant;

/** Cell values as Airflow's CLI prints them. */
final class Rows {
  private Rows() {}

  /** Python's {@code isoformat()} of a UTC instant, or {@code null}. */
  static String date(Instant instant) {
    return instant == null ? null : RunIds.isoformat(instant);
  }

  /** A state's Airflow name, or {@code null} for "none". */
  static String state(Object state) {
    return state == null ? null : state.toString();
  }
}
