package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static dev.updraft.scheduler.timetable.Runs.dueLogicalDates;
import static dev.updraft.scheduler.timetable.Runs.instants;
import static dev.updraft.scheduler.timetable.Runs.local;
import static dev.updraft.scheduler.timetable.Runs.runs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronDataIntervalTimetableTest {
  private static final Instant JAN_1 = at("2024-01-01T00:00:00Z");
  private static final Instant LATER = at("2030-01-01T00:00:00Z");

  private static CronDataIntervalTimetable daily(Instant start, Instant end) {
    return new CronDataIntervalTimetable(new CronSchedule("0 0 * * *", ZoneOffset.UTC), start, end);
  }

  @Test
  void eachRunCoversThePreviousTickToItsTickAndRunsAtTheTick() {
    assertThat(runs(daily(JAN_1, null), 2, true, LATER))
        .containsExactly(
            new DagRunInfo(
                at("2024-01-01T00:00:00Z"),
                new DataInterval(at("2024-01-01T00:00:00Z"), at("2024-01-02T00:00:00Z")),
                at("2024-01-02T00:00:00Z")),
            new DagRunInfo(
                at("2024-01-02T00:00:00Z"),
                new DataInterval(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")),
                at("2024-01-03T00:00:00Z")));
  }

  @Test
  void withoutCatchupTheLatestCompleteIntervalRuns() {
    Instant now = at("2024-01-10T15:00:00Z");

    assertThat(daily(JAN_1, null).nextDagRun(at("2024-01-03T00:00:00Z"), now, false))
        .contains(DagRunInfo.interval(at("2024-01-09T00:00:00Z"), at("2024-01-10T00:00:00Z")));
    assertThat(daily(JAN_1, null).nextDagRun(null, now, false))
        .contains(DagRunInfo.interval(at("2024-01-09T00:00:00Z"), at("2024-01-10T00:00:00Z")));
  }

  @Test
  void withoutCatchupOnABoundaryTheIntervalEndingNowRuns() {
    assertThat(daily(JAN_1, null).nextDagRun(null, at("2024-01-10T00:00:00Z"), false))
        .contains(DagRunInfo.interval(at("2024-01-09T00:00:00Z"), at("2024-01-10T00:00:00Z")));
  }

  @Test
  void withCatchupEveryMissedIntervalRunsInOrder() {
    assertThat(dueLogicalDates(daily(JAN_1, null), null, true, at("2024-01-04T15:00:00Z")))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"));
  }

  @Test
  void noIntervalStartsAfterTheEndDate() {
    assertThat(runs(daily(JAN_1, at("2024-01-02T12:00:00Z")), 10, true, LATER))
        .extracting(DagRunInfo::logicalDate)
        .containsExactlyElementsOf(instants("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"));
  }

  @Test
  void aFutureStartDateStartsTheFirstIntervalAtTheFirstTickNotBeforeIt() {
    assertThat(daily(at("2024-02-01T10:00:00Z"), null).nextDagRun(null, JAN_1, false))
        .contains(DagRunInfo.interval(at("2024-02-02T00:00:00Z"), at("2024-02-03T00:00:00Z")));
  }

  @Test
  void aManualRunCoversTheLastCompleteInterval() {
    assertThat(daily(JAN_1, null).inferManualDataInterval(at("2024-01-25T01:00:00Z")))
        .isEqualTo(new DataInterval(at("2024-01-24T00:00:00Z"), at("2024-01-25T00:00:00Z")));
  }

  @Test
  void intervalsFollowTheDagTimezoneAcrossTheSpringChange() {
    CronDataIntervalTimetable midnight =
        new CronDataIntervalTimetable(
            new CronSchedule("0 0 * * *", ZoneId.of("Europe/Amsterdam")),
            local("2024-03-30T00:00", "Europe/Amsterdam"),
            null);

    // The interval over the change is 23 hours long.
    assertThat(runs(midnight, 2, true, LATER))
        .extracting(DagRunInfo::dataInterval)
        .containsExactly(
            new DataInterval(at("2024-03-29T23:00:00Z"), at("2024-03-30T23:00:00Z")),
            new DataInterval(at("2024-03-30T23:00:00Z"), at("2024-03-31T22:00:00Z")));
  }

  @Test
  void theSummaryIsTheCronExpression() {
    assertThat(daily(JAN_1, null).summary()).isEqualTo("0 0 * * *");
  }
}
