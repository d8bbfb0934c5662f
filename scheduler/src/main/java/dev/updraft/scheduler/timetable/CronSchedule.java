package dev.updraft.scheduler.timetable;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import dev.updraft.sdk.internal.schedule.CronExpressions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A 5-field cron expression read in a timezone, stepping between its ticks as Airflow's {@code
 * CronMixin} does.
 *
 * <p>Like croniter, the expression is matched against <em>wall-clock</em> time, and the result is
 * then placed in the zone with Airflow's {@code make_aware} rules:
 *
 * <ul>
 *   <li>a wall-clock time that does not exist (the spring-forward gap) is moved later by the length
 *       of the gap: {@code 0 2 * * *} in {@code Europe/Amsterdam} runs at 03:00 CEST on the last
 *       Sunday of March;
 *   <li>a wall-clock time that happens twice (the autumn fold) is taken at its second occurrence,
 *       the one in standard time: {@code 30 2 * * *} runs once, at 02:30 CET.
 * </ul>
 *
 * <p>When the hour field matches every hour, Airflow steps by the wall-clock distance between ticks
 * in absolute time instead, so hourly schedules keep one run per real hour through both changes;
 * this class does the same. Unlike Airflow, {@link #next} and {@link #previous} are strict even at
 * a transition: the tick moved out of the gap is not its own predecessor.
 */
public final class CronSchedule {
  private final String expression;
  private final ZoneId timezone;
  private final ExecutionTime executionTime;
  private final boolean coversEveryHour;

  /**
   * @param expression a 5-field cron expression (presets must already be expanded)
   * @param timezone the zone the expression is read in
   * @throws IllegalArgumentException if the expression is not valid
   */
  public CronSchedule(String expression, ZoneId timezone) {
    this.expression = expression.trim();
    this.timezone = Objects.requireNonNull(timezone, "timezone");
    Cron cron = CronExpressions.parse(this.expression);
    this.executionTime = ExecutionTime.forCron(cron);
    this.coversEveryHour = matchesEveryHour(this.expression.split("\\s+")[1]);
  }

  public String expression() {
    return expression;
  }

  public ZoneId timezone() {
    return timezone;
  }

  /** The first tick strictly after {@code current} (Airflow's {@code _get_next}). */
  public Instant next(Instant current) {
    LocalDateTime naive = LocalDateTime.ofInstant(current, timezone);
    LocalDateTime scheduled = naiveNext(naive);
    if (coversEveryHour) {
      return current.plus(Duration.between(naive, scheduled));
    }
    Instant placed = place(scheduled);
    // Placing can land on or before current around a transition; the next tick must be later.
    while (!placed.isAfter(current)) {
      scheduled = naiveNext(scheduled);
      placed = place(scheduled);
    }
    return placed;
  }

  /** The last tick strictly before {@code current} (Airflow's {@code _get_prev}). */
  public Instant previous(Instant current) {
    LocalDateTime naive = LocalDateTime.ofInstant(current, timezone);
    LocalDateTime scheduled = naivePrevious(naive);
    if (coversEveryHour) {
      return current.minus(Duration.between(scheduled, naive));
    }
    Instant placed = place(scheduled);
    // A tick moved out of the spring-forward gap is placed at the gap's end, which can be current.
    while (!placed.isBefore(current)) {
      scheduled = naivePrevious(scheduled);
      placed = place(scheduled);
    }
    return placed;
  }

  /** {@code current} if it is a tick, else the next tick. */
  public Instant alignToNext(Instant current) {
    Instant next = next(current);
    return previous(next).equals(current) ? current : next;
  }

  /** {@code current} if it is a tick, else the previous tick. */
  public Instant alignToPrevious(Instant current) {
    Instant previous = previous(current);
    return next(previous).equals(current) ? current : previous;
  }

  private LocalDateTime naiveNext(LocalDateTime naive) {
    // UTC has no transitions, so cron-utils sees plain wall-clock time, as croniter does.
    return executionTime
        .nextExecution(naive.atZone(ZoneOffset.UTC))
        .orElseThrow(() -> new IllegalStateException("'" + expression + "' has no next time"))
        .toLocalDateTime();
  }

  private LocalDateTime naivePrevious(LocalDateTime naive) {
    return executionTime
        .lastExecution(naive.atZone(ZoneOffset.UTC))
        .orElseThrow(() -> new IllegalStateException("'" + expression + "' has no previous time"))
        .toLocalDateTime();
  }

  /** Airflow's {@code make_aware} with {@code fold=1}: gaps move later, folds take the later. */
  private Instant place(LocalDateTime wallClock) {
    return ZonedDateTime.ofLocal(wallClock, timezone, null).withLaterOffsetAtOverlap().toInstant();
  }

  /** Whether an hour field matches all 24 hours (croniter normalises those to {@code *}). */
  private static boolean matchesEveryHour(String hourField) {
    ExecutionTime hours = ExecutionTime.forCron(CronExpressions.parse("0 " + hourField + " * * *"));
    ZonedDateTime midnight = LocalDate.of(2001, 1, 1).atStartOfDay(ZoneOffset.UTC);
    ZonedDateTime time = midnight.minusNanos(1);
    for (int hour = 0; hour < 24; hour++) {
      time = hours.nextExecution(time).orElseThrow();
      if (!time.equals(midnight.plusHours(hour))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule that
        && expression.equals(that.expression)
        && timezone.equals(that.timezone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression, timezone);
  }

  @Override
  public String toString() {
    return expression + " (" + timezone + ")";
  }
}
