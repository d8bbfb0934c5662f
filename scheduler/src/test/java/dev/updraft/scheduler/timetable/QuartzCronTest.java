package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

class QuartzCronTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 * * * *          | 0 0 * * * ? *",
        "0 0 * * *          | 0 0 0 * * ? *",
        "0 0 * * 0          | 0 0 0 ? * 1 *",
        "0 0 * * 7          | 0 0 0 ? * 1 *",
        "0 0 1 * *          | 0 0 0 1 * ? *",
        "0 0 1 */3 *        | 0 0 0 1 */3 ? *",
        "0 0 1 1 *          | 0 0 0 1 1 ? *",
        "30 9 * * MON-FRI   | 0 30 9 ? * 2-6 *",
        "*/15 * * * *       | 0 */15 * * * ? *",
        "0 8,12,18 * * *    | 0 0 8,12,18 * * ? *",
        "0 0 * * FRI-SUN    | 0 0 0 ? * 6-1 *",
        "23 0-20/2 * * *    | 0 23 0-20/2 * * ? *",
        "0 9 * JAN,JUL SAT  | 0 0 9 ? 1,7 7 *",
        "*/5 9-17 * * mon-fri | 0 */5 9-17 ? * 2-6 *"
      })
  void translatesWithCronUtils(String unix, String quartz) {
    assertThat(QuartzCron.toQuartz(unix)).isEqualTo(quartz);
    assertThat(QuartzCron.toQuartzAll(unix)).containsExactly(quartz);
  }

  @Test
  void bothDayFieldsBecomeTwoExpressions() {
    assertThatThrownBy(() -> QuartzCron.toQuartz("0 12 1,15 * MON"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(QuartzCron.toQuartzAll("0 12 1,15 * MON"))
        .containsExactly("0 0 12 1,15 * ? *", "0 0 12 ? * 2 *");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 * * * * | UTC",
        "0 0 * * * | UTC",
        "0 0 * * 0 | UTC",
        "0 0 1 * * | UTC",
        "30 9 * * MON-FRI | UTC",
        "*/15 * * * * | UTC",
        "0 8,12,18 * * * | UTC",
        "0 0 * * FRI-SUN | UTC",
        "23 0-20/2 * * * | UTC",
        "0 0 * * 0-6/2 | UTC",
        "0 12 1,15 * MON | UTC",
        "30 1 * * * | Europe/Amsterdam",
        "0 9 * * MON-FRI | Asia/Tokyo"
      })
  void quartzFiresWhenTheTimetableDoesOverAMonth(String unix, String zone) throws ParseException {
    CronSchedule schedule = new CronSchedule(unix, ZoneId.of(zone));
    Instant from = at("2024-05-01T00:00:00Z");
    Instant to = at("2024-06-01T00:00:00Z");

    assertThat(quartzFireTimes(unix, zone, from, to)).isEqualTo(ticks(schedule, from, to));
  }

  @Test
  void quartzSkipsTheSpringForwardGapWhereAirflowRunsLate() throws ParseException {
    // Why a Quartz fire is only a wake-up: for 02:00 in Amsterdam Quartz has no run on
    // 2024-03-31, while the timetable runs at 03:00 CEST (01:00Z).
    Instant from = at("2024-03-29T00:00:00Z");
    Instant to = at("2024-04-02T00:00:00Z");

    assertThat(quartzFireTimes("0 2 * * *", "Europe/Amsterdam", from, to))
        .containsExactly(
            at("2024-03-29T01:00:00Z"), at("2024-03-30T01:00:00Z"), at("2024-04-01T00:00:00Z"));
    assertThat(ticks(new CronSchedule("0 2 * * *", ZoneId.of("Europe/Amsterdam")), from, to))
        .containsExactly(
            at("2024-03-29T01:00:00Z"),
            at("2024-03-30T01:00:00Z"),
            at("2024-03-31T01:00:00Z"),
            at("2024-04-01T00:00:00Z"));
  }

  /** Quartz's fire times in {@code (from, to)}, merged over all expressions of {@code unix}. */
  private static List<Instant> quartzFireTimes(String unix, String zone, Instant from, Instant to)
      throws ParseException {
    List<CronExpression> expressions = new ArrayList<>();
    for (String quartz : QuartzCron.toQuartzAll(unix)) {
      CronExpression expression = new CronExpression(quartz);
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      expressions.add(expression);
    }
    List<Instant> times = new ArrayList<>();
    Date after = Date.from(from);
    while (true) {
      Date next = null;
      for (CronExpression expression : expressions) {
        Date candidate = expression.getNextValidTimeAfter(after);
        if (next == null || candidate.before(next)) {
          next = candidate;
        }
      }
      if (!next.toInstant().isBefore(to)) {
        return times;
      }
      times.add(next.toInstant());
      after = next;
    }
  }

  private static List<Instant> ticks(CronSchedule schedule, Instant from, Instant to) {
    List<Instant> ticks = new ArrayList<>();
    for (Instant tick = schedule.next(from); tick.isBefore(to); tick = schedule.next(tick)) {
      ticks.add(tick);
    }
    return ticks;
  }
}
