package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Objects;

/**
 * What a timetable says about one automated DAG run, as Airflow's {@code DagRunInfo}.
 *
 * @param logicalDate the run's logical date; always {@code dataInterval.start()}
 * @param dataInterval the data the run covers
 * @param runAfter the earliest time the run may be created and started
 */
public record DagRunInfo(Instant logicalDate, DataInterval dataInterval, Instant runAfter) {

  public DagRunInfo {
    Objects.requireNonNull(logicalDate, "logicalDate");
    Objects.requireNonNull(dataInterval, "dataInterval");
    Objects.requireNonNull(runAfter, "runAfter");
  }

  /** A run at an exact time: logical date, both interval ends and run-after are {@code at}. */
  public static DagRunInfo exact(Instant at) {
    return new DagRunInfo(at, DataInterval.exact(at), at);
  }

  /** A run over {@code [start, end]} that becomes due when the interval ends (Airflow 2 style). */
  public static DagRunInfo interval(Instant start, Instant end) {
    return new DagRunInfo(start, new DataInterval(start, end), end);
  }
}
