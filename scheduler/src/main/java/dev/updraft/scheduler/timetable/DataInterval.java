package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Objects;

/**
 * The span of data a DAG run works on, as Airflow's {@code DataInterval}.
 *
 * @param start the inclusive start
 * @param end the end; equal to {@code start} for the exact intervals of Airflow 3's trigger
 *     timetables
 */
public record DataInterval(Instant start, Instant end) {

  public DataInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("data interval end " + end + " is before start " + start);
    }
  }

  /** The zero-length interval at {@code at}. */
  public static DataInterval exact(Instant at) {
    return new DataInterval(at, at);
  }
}
