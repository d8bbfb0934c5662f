package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static dev.updraft.scheduler.timetable.Runs.instants;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueRunsTest {
  private static final Timetable DAILY =
      new CronTriggerTimetable(
          new CronSchedule("0 0 * * *", ZoneOffset.UTC), at("2024-01-01T00:00:00Z"), null);

  private final List<Instant> requested = new ArrayList<>();

  private DueRuns dueRuns(boolean catchup, Instant last) {
    return new DueRuns(
        "etl", DAILY, catchup, last, (dagId, info) -> requested.add(info.logicalDate()));
  }

  @Test
  void aFireRequestsTheRunDueAtIt() {
    DueRuns runs = dueRuns(false, at("2024-01-02T00:00:00Z"));

    runs.fire(at("2024-01-03T00:00:00Z"));
    runs.fire(at("2024-01-04T00:00:00Z"));

    assertThat(requested)
        .containsExactlyElementsOf(instants("2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z"));
  }

  @Test
  void aRepeatedFireRequestsNothingTwice() {
    DueRuns runs = dueRuns(false, null);

    runs.fire(at("2024-01-03T00:00:00Z"));
    runs.fire(at("2024-01-03T00:00:00Z"));
    runs.fire(at("2024-01-03T00:00:01Z"));

    assertThat(requested).containsExactly(at("2024-01-03T00:00:00Z"));
  }

  @Test
  void withCatchupAFireRequestsEveryMissedRunInOrder() {
    dueRuns(true, at("2024-01-02T00:00:00Z")).fire(at("2024-01-05T06:00:00Z"));

    assertThat(requested)
        .containsExactlyElementsOf(
            instants("2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z", "2024-01-05T00:00:00Z"));
  }

  @Test
  void withoutCatchupAFireRequestsOnlyTheLatestMissedRun() {
    dueRuns(false, at("2024-01-02T00:00:00Z")).fire(at("2024-01-05T06:00:00Z"));

    assertThat(requested).containsExactly(at("2024-01-05T00:00:00Z"));
  }

  @Test
  void nothingIsRequestedAfterCancel() {
    DueRuns runs = dueRuns(false, null);

    runs.cancel();
    runs.fire(at("2024-01-03T00:00:00Z"));

    assertThat(requested).isEmpty();
  }
}
