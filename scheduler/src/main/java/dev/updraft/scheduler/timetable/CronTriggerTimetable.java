package dev.updraft.scheduler.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Airflow 3's timetable for cron and preset schedules: a run at every cron tick, with the tick as
 * its logical date, its exact data interval and its run-after time.
 *
 * <p>With catchup, every tick from the start date (or after the last run) is produced in order.
 * Without it, the next run is the latest of: the latest tick not after now, the tick after the last
 * run, and the first tick not before the start date; so missed ticks are skipped but the most
 * recent one still runs.
 *
 * @param cron the expression and the zone it is read in
 * @param startDate no run before it ({@code null}: none set)
 * @param endDate no run after it ({@code null}: none set)
 */
public record CronTriggerTimetable(CronSchedule cron, Instant startDate, Instant endDate)
    implements Timetable {

  /** Airflow's {@code run_immediately=False} looks back this far at least for a first run. */
  private static final Duration MIN_FIRST_RUN_BUFFER = Duration.ofMinutes(5);

  public CronTriggerTimetable {
    Objects.requireNonNull(cron, "cron");
  }

  @Override
  public Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now) {
    Instant next;
    if (restriction.catchup()) {
      if (lastAutomatedLogicalDate != null) {
        next = cron.next(lastAutomatedLogicalDate);
      } else if (restriction.earliest() == null) {
        next = firstRunWithoutStartDate(now);
      } else {
        next = cron.alignToNext(restriction.earliest());
      }
    } else {
      next = cron.alignToPrevious(now);
      if (lastAutomatedLogicalDate != null) {
        next = latest(next, cron.next(lastAutomatedLogicalDate));
      } else if (restriction.earliest() == null) {
        next = latest(next, firstRunWithoutStartDate(now));
      }
      if (restriction.earliest() != null) {
        next = latest(next, cron.alignToNext(restriction.earliest()));
      }
    }
    return restriction.excludes(next) ? Optional.empty() : Optional.of(DagRunInfo.exact(next));
  }

  /**
   * Airflow's {@code _calc_first_run}: the tick just passed if it is recent (within a tenth of the
   * gap between ticks, at least five minutes), else the coming one.
   */
  private Instant firstRunWithoutStartDate(Instant now) {
    Instant past = cron.alignToPrevious(now);
    Instant coming = cron.alignToNext(now);
    Duration buffer = Duration.between(past, coming).dividedBy(10);
    if (buffer.compareTo(MIN_FIRST_RUN_BUFFER) < 0) {
      buffer = MIN_FIRST_RUN_BUFFER;
    }
    return Duration.between(past, now).compareTo(buffer) <= 0 ? past : coming;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public DataInterval inferManualDataInterval(Instant runAfter) {
    return DataInterval.exact(runAfter);
  }

  @Override
  public String summary() {
    return cron.expression();
  }
}
