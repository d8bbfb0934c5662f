package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static dev.updraft.scheduler.timetable.Runs.dueLogicalDates;
import static dev.updraft.scheduler.timetable.Runs.instants;
import static dev.updraft.scheduler.timetable.Runs.logicalDates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeltaTriggerTimetableTest {
  private static final Instant START = at("2024-01-01T00:10:00Z");
  private static final Instant LATER = at("2030-01-01T00:00:00Z");
  private static final DeltaTriggerTimetable HOURLY =
      new DeltaTriggerTimetable(Duration.ofHours(1), START, null);

  @Test
  void runsEveryIntervalFromTheStartDate() {
    assertThat(logicalDates(HOURLY, 3, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:10:00Z", "2024-01-01T01:10:00Z", "2024-01-01T02:10:00Z"));
    assertThat(HOURLY.nextDagRun(null, LATER, true)).contains(DagRunInfo.exact(START));
  }

  @Test
  void withoutCatchupAGapIsSkippedToTheLatestTickNotAfterNow() {
    Instant now = at("2024-01-01T05:45:00Z");

    assertThat(dueLogicalDates(HOURLY, START, false, now))
        .containsExactly(at("2024-01-01T05:10:00Z"));
    assertThat(HOURLY.nextDagRun(at("2024-01-01T05:10:00Z"), now, false))
        .contains(DagRunInfo.exact(at("2024-01-01T06:10:00Z")));
  }

  @Test
  void withCatchupEveryMissedTickIsProducedInOrder() {
    assertThat(dueLogicalDates(HOURLY, START, true, at("2024-01-01T03:45:00Z")))
        .containsExactlyElementsOf(
            instants("2024-01-01T01:10:00Z", "2024-01-01T02:10:00Z", "2024-01-01T03:10:00Z"));
  }

  @Test
  void aFutureStartDateIsTheFirstRun() {
    DeltaTriggerTimetable later =
        new DeltaTriggerTimetable(Duration.ofHours(1), at("2024-02-01T00:10:00Z"), null);

    assertThat(later.nextDagRun(null, at("2024-01-15T00:00:00Z"), false))
        .contains(DagRunInfo.exact(at("2024-02-01T00:10:00Z")));
  }

  @Test
  void theEndDateStopsRuns() {
    DeltaTriggerTimetable bounded =
        new DeltaTriggerTimetable(Duration.ofHours(1), START, at("2024-01-01T02:10:00Z"));

    assertThat(logicalDates(bounded, 10, true, LATER))
        .containsExactlyElementsOf(
            instants("2024-01-01T00:10:00Z", "2024-01-01T01:10:00Z", "2024-01-01T02:10:00Z"));
  }

  @Test
  void withoutAStartDateTicksLieOnTheEpochGrid() {
    DeltaTriggerTimetable unanchored = new DeltaTriggerTimetable(Duration.ofHours(1), null, null);

    assertThat(unanchored.nextDagRun(null, at("2024-01-10T15:45:00Z"), false))
        .contains(DagRunInfo.exact(at("2024-01-10T15:00:00Z")));
  }

  @Test
  void aManualRunGetsAnExactIntervalAtItsTime() {
    assertThat(HOURLY.inferManualDataInterval(at("2024-01-01T00:25:00Z")))
        .isEqualTo(DataInterval.exact(at("2024-01-01T00:25:00Z")));
  }

  @Test
  void theSummaryIsPrintedAsPythonPrintsATimedelta() {
    assertThat(HOURLY.summary()).isEqualTo("1:00:00");
    assertThat(summary(Duration.ofDays(1))).isEqualTo("1 day, 0:00:00");
    assertThat(summary(Duration.ofDays(2).plusMinutes(30))).isEqualTo("2 days, 0:30:00");
    assertThat(summary(Duration.ofSeconds(1))).isEqualTo("0:00:01");
    assertThat(summary(Duration.ofMillis(1500))).isEqualTo("0:00:01.500000");
  }

  @Test
  void theIntervalMustBePositive() {
    assertThatThrownBy(() -> new DeltaTriggerTimetable(Duration.ZERO, START, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String summary(Duration delta) {
    return new DeltaTriggerTimetable(delta, START, null).summary();
  }
}
