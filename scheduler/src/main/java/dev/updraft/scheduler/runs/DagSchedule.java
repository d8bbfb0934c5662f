package dev.updraft.scheduler.runs;

import dev.updraft.scheduler.timetable.ContinuousTimetable;
import dev.updraft.scheduler.timetable.NullTimetable;
import dev.updraft.scheduler.timetable.Timetable;
import dev.updraft.scheduler.timetable.Timetables;
import dev.updraft.sdk.Dag;
import java.util.Objects;

/**
 * What run creation needs to know of one DAG: its timetable and catchup setting.
 *
 * @param dagId the DAG
 * @param timetable when its automated runs happen
 * @param catchup whether missed runs are all created
 */
public record DagSchedule(String dagId, Timetable timetable, boolean catchup) {

  public DagSchedule {
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(timetable, "timetable");
  }

  /**
   * The schedule of {@code dag} with Airflow 3's default timetables.
   *
   * @throws IllegalArgumentException if the DAG's schedule is invalid
   */
  public static DagSchedule of(Dag dag) {
    return new DagSchedule(dag.dagId(), Timetables.of(dag), dag.catchup());
  }

  /** {@code @continuous}: a new run whenever none is active, not on a clock. */
  public boolean isContinuous() {
    return timetable instanceof ContinuousTimetable;
  }

  /** {@code None}: runs only when triggered. */
  public boolean isManualOnly() {
    return timetable instanceof NullTimetable;
  }
}
