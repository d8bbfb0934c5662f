package dev.updraft.scheduler.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Airflow 3's timetable for interval ({@code timedelta}) schedules: a run every {@code delta} from
 * the start date, each exact at its tick.
 *
 * <p>Ticks lie on the grid {@code startDate + k * delta} (from the Unix epoch without a start
 * date). Airflow aligns nothing and, without catchup, runs at "now" after a gap; this timetable
 * instead runs at the latest tick not after now, so the answer depends only on its inputs and runs
 * stay on the same grid as catchup and backfill runs.
 *
 * @param delta the period, positive
 * @param startDate the grid origin and the first tick ({@code null}: none set)
 * @param endDate no run after it ({@code null}: none set)
 */
public record DeltaTriggerTimetable(Duration delta, Instant startDate, Instant endDate)
    implements Timetable {

  public DeltaTriggerTimetable {
    Objects.requireNonNull(delta, "delta");
    if (delta.isNegative() || delta.isZero()) {
      throw new IllegalArgumentException("schedule interval must be positive, not " + delta);
    }
  }

  @Override
  public Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now) {
    Instant next;
    if (restriction.catchup()) {
      if (lastAutomatedLogicalDate != null) {
        next = lastAutomatedLogicalDate.plus(delta);
      } else if (restriction.earliest() == null) {
        next = floor(now);
      } else {
        next = ceiling(restriction.earliest());
      }
    } else {
      next = floor(now);
      if (lastAutomatedLogicalDate != null) {
        next = latest(next, lastAutomatedLogicalDate.plus(delta));
      }
      if (restriction.earliest() != null) {
        next = latest(next, ceiling(restriction.earliest()));
      }
    }
    return restriction.excludes(next) ? Optional.empty() : Optional.of(DagRunInfo.exact(next));
  }

  /** The latest tick not after {@code time}. */
  Instant floor(Instant time) {
    Instant origin = origin();
    long steps = Math.floorDiv(Duration.between(origin, time).toNanos(), delta.toNanos());
    return origin.plus(delta.multipliedBy(steps));
  }

  /** The first tick not before {@code time}. */
  Instant ceiling(Instant time) {
    Instant floor = floor(time);
    return floor.equals(time) ? floor : floor.plus(delta);
  }

  private Instant origin() {
    return startDate != null ? startDate : Instant.EPOCH;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public DataInterval inferManualDataInterval(Instant runAfter) {
    return DataInterval.exact(runAfter);
  }

  /** The period as Python prints a {@code timedelta}, as Airflow's summary shows it. */
  @Override
  public String summary() {
    long days = delta.toDays();
    Duration rest = delta.minusDays(days);
    String time =
        String.format("%d:%02d:%02d", rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart());
    if (rest.toNanosPart() != 0) {
      time += String.format(".%06d", rest.toNanosPart() / 1_000);
    }
    return days == 0 ? time : days + (days == 1 ? " day, " : " days, ") + time;
  }
}
