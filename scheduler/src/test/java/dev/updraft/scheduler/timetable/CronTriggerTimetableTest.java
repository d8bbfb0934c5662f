package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static dev.updraft.scheduler.timetable.Runs.dueLogicalDates;
import static dev.updraft.scheduler.timetable.Runs.instants;
import static dev.updraft.scheduler.timetable.Runs.local;
import static dev.updraft.scheduler.timetable.Runs.logicalDates;
import static dev.updraft.scheduler.timetable.Runs.runs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTriggerTimetableTest {
  /** A Monday. */
  private static final Instant JAN_1 = at("2024-01-01T00:00:00Z");

  private static final Instant LATER = at("2030-01-01T00:00:00Z");

  private static CronTriggerTimetable utc(String expression, Instant start, Instant end) {
    return new CronTriggerTimetable(new CronSchedule(expression, ZoneOffset.UTC), start, end);
  }

  private static CronTriggerTimetable preset(String preset) {
    return utc(Schedule.PRESETS.get(preset), JAN_1, null);
  }

  @Test
  void hourlyRunsAtTheTopOfEachHour() {
    assertThat(logicalDates(preset("@hourly"), 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"));
  }

  @Test
  void dailyRunsAtMidnight() {
    assertThat(logicalDates(preset("@daily"), 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"));
  }

  @Test
  void weeklyRunsOnSundayMidnight() {
    assertThat(logicalDates(preset("@weekly"), 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-07T00:00:00Z", "2024-01-14T00:00:00Z", "2024-01-21T00:00:00Z"));
  }

  @Test
  void monthlyRunsOnTheFirst() {
    assertThat(logicalDates(preset("@monthly"), 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"));
  }

  @Test
  void quarterlyRunsEveryThreeMonths() {
    assertThat(logicalDates(preset("@quarterly"), 4, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-01-01T00:00:00Z",
                "2024-04-01T00:00:00Z",
                "2024-07-01T00:00:00Z",
                "2024-10-01T00:00:00Z"));
  }

  @Test
  void yearlyRunsOnNewYear() {
    assertThat(logicalDates(preset("@yearly"), 2, true, LATER))
        .containsExactlyElementsOf(instants("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));
  }

  @Test
  void eachRunIsExactAtItsTick() {
    DagRunInfo run = preset("@daily").nextDagRun(null, LATER, true).orElseThrow();

    assertThat(run).isEqualTo(DagRunInfo.exact(JAN_1));
    assertThat(run.dataInterval()).isEqualTo(new DataInterval(JAN_1, JAN_1));
    assertThat(run.runAfter()).isEqualTo(JAN_1);
  }

  @Test
  void dayOfWeekNamesAndRanges() {
    // 2024-01-05 is a Friday.
    CronTriggerTimetable weekdays = utc("30 9 * * MON-FRI", at("2024-01-05T00:00:00Z"), null);

    assertThat(logicalDates(weekdays, 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-05T09:30:00Z", "2024-01-08T09:30:00Z", "2024-01-09T09:30:00Z"));
  }

  @Test
  void stepsWithinAnHourRange() {
    assertThat(logicalDates(utc("*/20 8-9 * * *", JAN_1, null), 7, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-01-01T08:00:00Z",
                "2024-01-01T08:20:00Z",
                "2024-01-01T08:40:00Z",
                "2024-01-01T09:00:00Z",
                "2024-01-01T09:20:00Z",
                "2024-01-01T09:40:00Z",
                "2024-01-02T08:00:00Z"));
  }

  @Test
  void listsOfHoursAndDayNames() {
    assertThat(logicalDates(utc("0 6,18 * * SAT,SUN", JAN_1, null), 5, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-01-06T06:00:00Z",
                "2024-01-06T18:00:00Z",
                "2024-01-07T06:00:00Z",
                "2024-01-07T18:00:00Z",
                "2024-01-13T06:00:00Z"));
  }

  @Test
  void dayOfMonthAndDayOfWeekTogetherMatchEither() {
    // As in Unix cron and croniter: the 1st, the 15th, and every Monday.
    assertThat(logicalDates(utc("0 12 1,15 * MON", JAN_1, null), 6, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-01-01T12:00:00Z",
                "2024-01-08T12:00:00Z",
                "2024-01-15T12:00:00Z",
                "2024-01-22T12:00:00Z",
                "2024-01-29T12:00:00Z",
                "2024-02-01T12:00:00Z"));
  }

  @Test
  void withoutCatchupAFirstRunIsTheLatestTickNotAfterNow() {
    assertThat(preset("@daily").nextDagRun(null, at("2024-01-10T15:00:00Z"), false))
        .contains(DagRunInfo.exact(at("2024-01-10T00:00:00Z")));
  }

  @Test
  void withoutCatchupAGapIsSkippedToTheLatestTickNotAfterNow() {
    Instant now = at("2024-01-10T15:00:00Z");

    assertThat(dueLogicalDates(preset("@daily"), at("2024-01-03T00:00:00Z"), false, now))
        .containsExactly(at("2024-01-10T00:00:00Z"));
    assertThat(preset("@daily").nextDagRun(at("2024-01-10T00:00:00Z"), now, false))
        .contains(DagRunInfo.exact(at("2024-01-11T00:00:00Z")));
  }

  @Test
  void withoutCatchupAndNoGapTheNextTickFollowsTheLastRun() {
    assertThat(
            preset("@hourly")
                .nextDagRun(at("2024-01-10T15:00:00Z"), at("2024-01-10T15:20:00Z"), false))
        .contains(DagRunInfo.exact(at("2024-01-10T16:00:00Z")));
  }

  @Test
  void withCatchupEveryMissedTickIsProducedInOrder() {
    assertThat(
            dueLogicalDates(
                preset("@daily"), at("2024-01-03T00:00:00Z"), true, at("2024-01-07T15:00:00Z")))
        .containsExactlyElementsOf(
            instants(
                "2024-01-04T00:00:00Z",
                "2024-01-05T00:00:00Z",
                "2024-01-06T00:00:00Z",
                "2024-01-07T00:00:00Z"));
  }

  @Test
  void withCatchupANewDagStartsAtItsStartDate() {
    assertThat(dueLogicalDates(preset("@daily"), null, true, at("2024-01-03T15:00:00Z")))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"));
  }

  @Test
  void theEndDateStopsRuns() {
    CronTriggerTimetable daily = utc("0 0 * * *", JAN_1, at("2024-01-02T12:00:00Z"));

    assertThat(logicalDates(daily, 10, true, LATER))
        .containsExactlyElementsOf(instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"));
    assertThat(daily.nextDagRun(null, at("2024-01-10T15:00:00Z"), false)).isEmpty();
  }

  @Test
  void aTickOnTheEndDateStillRuns() {
    CronTriggerTimetable daily = utc("0 0 * * *", JAN_1, at("2024-01-02T00:00:00Z"));

    assertThat(logicalDates(daily, 10, true, LATER))
        .containsExactlyElementsOf(instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"));
  }

  @Test
  void aFutureStartDateRunsFirstAtTheFirstTickNotBeforeIt() {
    CronTriggerTimetable daily = utc("0 0 * * *", at("2024-02-01T10:00:00Z"), null);
    Instant now = at("2024-01-15T12:00:00Z");

    assertThat(daily.nextDagRun(null, now, false))
        .contains(DagRunInfo.exact(at("2024-02-02T00:00:00Z")));
    assertThat(daily.nextDagRun(null, now, true))
        .contains(DagRunInfo.exact(at("2024-02-02T00:00:00Z")));
    assertThat(utc("0 0 * * *", at("2024-02-01T00:00:00Z"), null).nextDagRun(null, now, false))
        .contains(DagRunInfo.exact(at("2024-02-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "now {0} gives {1}")
  @CsvSource({
    // Within max(a tenth of the gap, five minutes) of the tick just passed: run it.
    "2024-01-10T00:05:00Z, 2024-01-10T00:00:00Z",
    // Later than that: wait for the coming tick.
    "2024-01-10T03:00:00Z, 2024-01-11T00:00:00Z",
    "2024-01-10T00:00:00Z, 2024-01-10T00:00:00Z"
  })
  void withoutAStartDateTheFirstRunIsARecentTickOrTheNextOne(String now, String expected) {
    CronTriggerTimetable daily = utc("0 0 * * *", null, null);

    assertThat(daily.nextDagRun(null, at(now), false)).contains(DagRunInfo.exact(at(expected)));
    assertThat(daily.nextDagRun(null, at(now), true)).contains(DagRunInfo.exact(at(expected)));
  }

  @Test
  void cronIsReadInTheDagTimezone() {
    CronTriggerTimetable tokyo =
        new CronTriggerTimetable(
            new CronSchedule("0 9 * * *", ZoneId.of("Asia/Tokyo")),
            local("2024-01-01T00:00", "Asia/Tokyo"),
            null);

    assertThat(logicalDates(tokyo, 2, true, LATER))
        .containsExactlyElementsOf(instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"));
  }

  @Test
  void aNonexistentLocalTimeRunsAtTheEndOfTheSpringForwardGap() {
    // Europe/Amsterdam skips 02:00-03:00 on 2024-03-31. Like Airflow (croniter plus pendulum's
    // make_aware with fold=1), 02:00 that day is read as 03:00 CEST: once, an hour "late".
    CronTriggerTimetable twoAm =
        new CronTriggerTimetable(
            new CronSchedule("0 2 * * *", ZoneId.of("Europe/Amsterdam")),
            local("2024-03-29T00:00", "Europe/Amsterdam"),
            null);

    assertThat(logicalDates(twoAm, 5, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-03-29T01:00:00Z",
                "2024-03-30T01:00:00Z",
                "2024-03-31T01:00:00Z",
                "2024-04-01T00:00:00Z",
                "2024-04-02T00:00:00Z"));
  }

  @Test
  void aTimeBeforeTheAutumnChangeKeepsItsWallClockTime() {
    // 01:30 is not repeated in Amsterdam (the clock goes from 03:00 CEST back to 02:00 CET), so
    // the run stays at 01:30 local and moves an hour later in UTC.
    CronTriggerTimetable halfPastOne =
        new CronTriggerTimetable(
            new CronSchedule("30 1 * * *", ZoneId.of("Europe/Amsterdam")),
            at("2024-10-25T00:00:00Z"),
            null);

    assertThat(logicalDates(halfPastOne, 4, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-10-25T23:30:00Z",
                "2024-10-26T23:30:00Z",
                "2024-10-28T00:30:00Z",
                "2024-10-29T00:30:00Z"));
  }

  @Test
  void aRepeatedLocalTimeRunsOnceAtItsSecondOccurrence() {
    // 02:30 happens twice on 2024-10-27 in Amsterdam; Airflow (fold=1) takes 02:30 CET.
    CronTriggerTimetable halfPastTwo =
        new CronTriggerTimetable(
            new CronSchedule("30 2 * * *", ZoneId.of("Europe/Amsterdam")),
            at("2024-10-26T00:00:00Z"),
            null);

    assertThat(logicalDates(halfPastTwo, 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-10-26T00:30:00Z", "2024-10-27T01:30:00Z", "2024-10-28T01:30:00Z"));
  }

  @Test
  void aRepeatedLocalTimeInNewYorkRunsInStandardTime() {
    CronTriggerTimetable halfPastOne =
        new CronTriggerTimetable(
            new CronSchedule("30 1 * * *", ZoneId.of("America/New_York")),
            at("2024-11-02T00:00:00Z"),
            null);

    assertThat(logicalDates(halfPastOne, 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-11-02T05:30:00Z", "2024-11-03T06:30:00Z", "2024-11-04T06:30:00Z"));
  }

  @Test
  void hourlySchedulesRunEveryRealHourThroughTheAutumnChange() {
    CronTriggerTimetable hourly =
        new CronTriggerTimetable(
            new CronSchedule("30 * * * *", ZoneId.of("Europe/Amsterdam")),
            at("2024-10-26T22:00:00Z"),
            null);

    assertThat(logicalDates(hourly, 5, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-10-26T22:30:00Z",
                "2024-10-26T23:30:00Z",
                "2024-10-27T00:30:00Z",
                "2024-10-27T01:30:00Z",
                "2024-10-27T02:30:00Z"));
  }

  @Test
  void hourlySchedulesRunEveryRealHourThroughTheSpringChange() {
    CronTriggerTimetable hourly =
        new CronTriggerTimetable(
            new CronSchedule("30 * * * *", ZoneId.of("Europe/Amsterdam")),
            at("2024-03-30T23:00:00Z"),
            null);

    assertThat(logicalDates(hourly, 4, true, LATER))
        .containsExactlyElementsOf(
            instants(
                "2024-03-30T23:30:00Z",
                "2024-03-31T00:30:00Z",
                "2024-03-31T01:30:00Z",
                "2024-03-31T02:30:00Z"));
  }

  @Test
  void withoutCatchupInTheAutumnFoldTheLatestTickIsInRealTime() {
    CronTriggerTimetable hourly =
        new CronTriggerTimetable(
            new CronSchedule("30 * * * *", ZoneId.of("Europe/Amsterdam")), JAN_1, null);

    // 01:45Z is 02:45 CET, the second pass through 02:xx.
    assertThat(hourly.nextDagRun(null, at("2024-10-27T01:45:00Z"), false))
        .contains(DagRunInfo.exact(at("2024-10-27T01:30:00Z")));
  }

  @Test
  void aManualRunGetsAnExactIntervalAtItsTime() {
    Instant runAfter = at("2024-01-10T15:17:00Z");

    assertThat(preset("@daily").inferManualDataInterval(runAfter))
        .isEqualTo(DataInterval.exact(runAfter));
  }

  @Test
  void theSummaryIsTheCronExpression() {
    assertThat(preset("@daily").summary()).isEqualTo("0 0 * * *");
  }

  @Test
  void theCronDecidesEvenWhenNowIsLongAfterTheRuns() {
    assertThat(runs(preset("@monthly"), 2, true, LATER))
        .extracting(DagRunInfo::runAfter)
        .containsExactlyElementsOf(instants("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
  }
}
