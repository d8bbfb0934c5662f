package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Backfills.backfillIntervals;
import static dev.updraft.scheduler.timetable.Runs.at;
import static dev.updraft.scheduler.timetable.Runs.instants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackfillsTest {
  private static final Instant START = at("2024-01-01T00:00:00Z");
  private static final CronSchedule DAILY = new CronSchedule("0 0 * * *", ZoneOffset.UTC);

  @Test
  void everyTickInTheRangeIsBackfilledWhateverTheDagDates() {
    // The DAG's own start date is later than the range: a backfill ignores it, as in Airflow.
    Timetable daily = new CronTriggerTimetable(DAILY, at("2024-06-01T00:00:00Z"), null);

    assertThat(backfillIntervals(daily, at("2024-01-02T12:00:00Z"), at("2024-01-05T00:00:00Z")))
        .containsExactly(
            DagRunInfo.exact(at("2024-01-03T00:00:00Z")),
            DagRunInfo.exact(at("2024-01-04T00:00:00Z")),
            DagRunInfo.exact(at("2024-01-05T00:00:00Z")));
  }

  @Test
  void legacyIntervalsAreBackfilledByTheirLogicalDate() {
    Timetable daily = new CronDataIntervalTimetable(DAILY, START, null);

    assertThat(backfillIntervals(daily, at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")))
        .containsExactly(
            DagRunInfo.interval(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")),
            DagRunInfo.interval(at("2024-01-03T00:00:00Z"), at("2024-01-04T00:00:00Z")));
  }

  @Test
  void intervalsStayOnTheDagGrid() {
    Timetable sixHourly =
        new DeltaTriggerTimetable(Duration.ofHours(6), at("2024-01-01T03:00:00Z"), null);

    assertThat(backfillIntervals(sixHourly, at("2024-01-02T00:00:00Z"), at("2024-01-02T12:00:00Z")))
        .extracting(DagRunInfo::logicalDate)
        .containsExactlyElementsOf(instants("2024-01-02T03:00:00Z", "2024-01-02T09:00:00Z"));
  }

  @Test
  void onceIsBackfilledAtTheStartOfTheRange() {
    assertThat(
            backfillIntervals(
                new OnceTimetable(START, null),
                at("2024-03-01T00:00:00Z"),
                at("2024-04-01T00:00:00Z")))
        .containsExactly(DagRunInfo.exact(at("2024-03-01T00:00:00Z")));
  }

  @Test
  void anEmptyRangeHasNoRuns() {
    Timetable daily = new CronTriggerTimetable(DAILY, START, null);

    assertThat(backfillIntervals(daily, at("2024-01-02T01:00:00Z"), at("2024-01-02T23:00:00Z")))
        .isEmpty();
  }

  @Test
  void unscheduledAndContinuousDagsCannotBeBackfilled() {
    assertThatThrownBy(() -> backfillIntervals(new NullTimetable(), START, START.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("None");
    assertThatThrownBy(
            () ->
                backfillIntervals(
                    new ContinuousTimetable(START, null), START, START.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReversedRangeIsRejected() {
    Timetable daily = new CronTriggerTimetable(DAILY, START, null);

    assertThatThrownBy(() -> backfillIntervals(daily, START.plusSeconds(60), START))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
