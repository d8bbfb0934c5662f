package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Airflow 2's timetable for cron schedules, still chosen in Airflow 3 by {@code [scheduler]
 * create_cron_data_intervals=True}: each run covers the interval between two ticks, its logical
 * date is the interval's start, and it runs once the interval has ended.
 *
 * <p>Without catchup, the next run is the latest interval that has already ended (or the first one
 * after the start date).
 *
 * @param cron the expression and the zone it is read in
 * @param startDate no interval starts before it ({@code null}: none set)
 * @param endDate no interval starts after it ({@code null}: none set)
 */
public record CronDataIntervalTimetable(CronSchedule cron, Instant startDate, Instant endDate)
    implements Timetable {

  public CronDataIntervalTimetable {
    Objects.requireNonNull(cron, "cron");
  }

  @Override
  public Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now) {
    Instant earliest = restriction.earliest();
    if (!restriction.catchup()) {
      earliest = skipToLatest(earliest, now);
    } else if (earliest != null) {
      earliest = cron.alignToNext(earliest);
    }
    Instant start;
    if (lastAutomatedLogicalDate == null) {
      if (earliest == null) {
        return Optional.empty();
      }
      start = earliest;
    } else {
      // The last run covered [last, next tick); the next one starts where it ended.
      start = cron.next(lastAutomatedLogicalDate);
      if (earliest != null && earliest.isAfter(start)) {
        start = earliest;
      }
    }
    if (restriction.excludes(start)) {
      return Optional.empty();
    }
    return Optional.of(DagRunInfo.interval(start, cron.next(start)));
  }

  /**
   * The start of the latest interval that has ended by {@code now}, or of the first allowed one.
   */
  private Instant skipToLatest(Instant earliest, Instant now) {
    Instant lastStart = cron.previous(now);
    Instant newStart = cron.next(lastStart).equals(now) ? lastStart : cron.previous(lastStart);
    if (earliest == null) {
      return newStart;
    }
    Instant aligned = cron.alignToNext(earliest);
    return aligned.isAfter(newStart) ? aligned : newStart;
  }

  /** The last complete interval before {@code runAfter}. */
  @Override
  public DataInterval inferManualDataInterval(Instant runAfter) {
    Instant end = cron.alignToPrevious(runAfter);
    return new DataInterval(cron.previous(end), end);
  }

  @Override
  public String summary() {
    return cron.expression();
  }
}
