package dev.updraft.scheduler.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Builds the Quartz triggers that wake the scheduler when a timetable's runs fall due: cron
 * triggers for cron timetables, a repeating simple trigger for intervals, a one-shot trigger for
 * {@code @once}. Quartz works in whole milliseconds, so start times are rounded up to the next
 * millisecond and a fire time is never before the tick it stands for.
 *
 * <p>Quartz's daylight-saving rules differ from Airflow's (it skips a tick in the spring-forward
 * gap, and fires hourly schedules once less in the autumn fold), so a fire is only a wake-up: what
 * is due is always asked of the {@link Timetable}.
 */
public final class QuartzTriggers {
  private QuartzTriggers() {}

  /**
   * The triggers for {@code timetable}'s runs, all firing {@code job}; empty for {@code None} and
   * {@code @continuous}, whose runs do not follow a clock.
   *
   * @param catchup the DAG's catchup: without it, ticks missed while Quartz was not firing are
   *     dropped ({@code withMisfireHandlingInstructionDoNothing})
   * @param now the start for a timetable without a start date
   */
  public static List<Trigger> forTimetable(
      JobKey job, Timetable timetable, boolean catchup, Instant now) {
    return switch (timetable) {
      case NullTimetable ignored -> List.of();
      case ContinuousTimetable ignored -> List.of();
      case OnceTimetable once ->
          List.of(once(job, 0, once.startDate() != null ? once.startDate() : now));
      case DeltaTriggerTimetable delta ->
          List.of(
              interval(
                  job,
                  delta.delta(),
                  delta.startDate() != null ? delta.startDate() : Instant.EPOCH,
                  delta.endDate()));
      case CronTriggerTimetable cron ->
          cron(job, cron.cron(), start(cron.startDate(), now), cron.endDate(), catchup);
      case CronDataIntervalTimetable cron ->
          cron(job, cron.cron(), start(cron.startDate(), now), cron.endDate(), catchup);
    };
  }

  /** One cron trigger per Quartz expression {@code schedule} needs (see {@link QuartzCron}). */
  static List<Trigger> cron(
      JobKey job, CronSchedule schedule, Instant start, Instant end, boolean catchup) {
    List<String> expressions = QuartzCron.toQuartzAll(schedule.expression());
    List<Trigger> triggers = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      triggers.add(cron(job, i, expressions.get(i), schedule.timezone(), start, end, catchup));
    }
    return triggers;
  }

  /**
   * A cron trigger read in {@code zone} between {@code start} and {@code end}.
   *
   * @param index distinguishes the triggers of one job
   * @param catchup false: skip misfired ticks; true: fire once at once, then go on
   */
  public static CronTrigger cron(
      JobKey job,
      int index,
      String quartzExpression,
      ZoneId zone,
      Instant start,
      Instant end,
      boolean catchup) {
    CronScheduleBuilder schedule =
        CronScheduleBuilder.cronSchedule(quartzExpression).inTimeZone(TimeZone.getTimeZone(zone));
    schedule =
        catchup
            ? schedule.withMisfireHandlingInstructionFireAndProceed()
            : schedule.withMisfireHandlingInstructionDoNothing();
    return bounded(job, index, start, end).withSchedule(schedule).build();
  }

  /**
   * A trigger every {@code every} from {@code start}, on the grid {@code start + k * every}.
   *
   * <p>Quartz has no "fire once now and keep the grid" instruction for repeating simple triggers,
   * so misfired ticks are skipped either way ({@code NextWithRemainingCount}); the {@link
   * RunRequestScheduler} wakes a catchup DAG separately.
   */
  public static SimpleTrigger interval(JobKey job, Duration every, Instant start, Instant end) {
    SimpleScheduleBuilder schedule =
        SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(Math.max(1, every.toMillis()))
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount();
    return bounded(job, 0, start, end).withSchedule(schedule).build();
  }

  /** A trigger that fires once at {@code at}, or at once if that has passed. */
  public static SimpleTrigger once(JobKey job, int index, Instant at) {
    return bounded(job, index, at, null)
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
  }

  private static TriggerBuilder<Trigger> bounded(
      JobKey job, int index, Instant start, Instant end) {
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger()
            .withIdentity(job.getName() + "#" + index, job.getGroup())
            .forJob(job)
            .startAt(Date.from(ceilingMillis(start)));
    return end == null ? builder : builder.endAt(Date.from(ceilingMillis(end)));
  }

  private static Instant start(Instant startDate, Instant now) {
    return startDate != null ? startDate : now;
  }

  private static Instant ceilingMillis(Instant time) {
    Instant millis = time.truncatedTo(ChronoUnit.MILLIS);
    return millis.equals(time) ? millis : millis.plusMillis(1);
  }
}
