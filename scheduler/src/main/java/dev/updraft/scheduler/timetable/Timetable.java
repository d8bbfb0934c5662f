package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * When a DAG's automated runs happen, as Airflow 3's timetables say it. Every answer is a pure
 * function of the arguments and the timetable's own fields: the clock enters only as {@code now}.
 *
 * <p>All instants are UTC; cron timetables read their expression in the DAG's timezone.
 */
public sealed interface Timetable
    permits NullTimetable,
        OnceTimetable,
        ContinuousTimetable,
        CronTriggerTimetable,
        DeltaTriggerTimetable,
        CronDataIntervalTimetable {

  /** The DAG's start date: no automated run before it ({@code null}: none set). */
  Instant startDate();

  /** The DAG's end date: no automated run after it ({@code null}: none set). */
  Instant endDate();

  /**
   * The next automated run within {@code restriction} (Airflow's {@code next_dagrun_info}).
   *
   * @param lastAutomatedLogicalDate the logical date of the latest scheduled or backfilled run, or
   *     {@code null} if there is none yet
   * @param restriction the bounds and catchup setting to honour
   * @param now the current time, used when catchup is off and by schedules that run "now"
   * @return the next run, which may be due in the future (see {@link DagRunInfo#runAfter()}), or
   *     empty if the timetable has no more runs
   */
  Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now);

  /** The next automated run between the DAG's own start and end dates. */
  default Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, Instant now, boolean catchup) {
    return nextDagRun(
        lastAutomatedLogicalDate, new TimeRestriction(startDate(), endDate(), catchup), now);
  }

  /** The data interval of a run triggered by hand at {@code runAfter}. */
  DataInterval inferManualDataInterval(Instant runAfter);

  /** A short description, as Airflow's {@code timetable_summary} ({@code "0 0 * * *"}, …). */
  String summary();
}
