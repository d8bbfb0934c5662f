package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runs a backfill creates, as Airflow 3's {@code iter_dagrun_infos_between}. */
public final class Backfills {
  private Backfills() {}

  /**
   * Every automated run whose logical date lies in {@code [from, to]}, in order. The DAG's own
   * start and end dates and its catchup setting do not apply. Airflow also leaves out runs whose
   * data interval has not ended yet; callers that want that cap {@code to} at the current time.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or the timetable has no
   *     schedule to backfill ({@code None}, {@code @continuous})
   */
  public static List<DagRunInfo> backfillIntervals(Timetable timetable, Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("backfill to " + to + " is before from " + from);
    }
    if (timetable instanceof NullTimetable || timetable instanceof ContinuousTimetable) {
      throw new IllegalArgumentException(
          "a DAG with schedule " + timetable.summary() + " cannot be backfilled");
    }
    TimeRestriction restriction = new TimeRestriction(from, to, true);
    List<DagRunInfo> runs = new ArrayList<>();
    Optional<DagRunInfo> next = timetable.nextDagRun(null, restriction, to);
    while (next.isPresent()) {
      DagRunInfo run = next.get();
      runs.add(run);
      next = timetable.nextDagRun(run.logicalDate(), restriction, to);
    }
    return runs;
  }
}
