package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The timetables without a clock of their own: None, {@code @once} and {@code @continuous}. */
class SimpleTimetablesTest {
  private static final Instant START = at("2024-01-01T00:00:00Z");
  private static final Instant NOW = at("2024-01-05T12:00:00Z");

  @Test
  void noneNeverRuns() {
    NullTimetable none = new NullTimetable();

    assertThat(none.nextDagRun(null, NOW, true)).isEmpty();
    assertThat(none.nextDagRun(null, NOW, false)).isEmpty();
    assertThat(none.inferManualDataInterval(NOW)).isEqualTo(DataInterval.exact(NOW));
    assertThat(none.summary()).isEqualTo("None");
  }

  @Test
  void onceRunsOnceAtTheStartDateWhateverCatchupSays() {
    OnceTimetable once = new OnceTimetable(START, null);

    assertThat(once.nextDagRun(null, NOW, false)).contains(DagRunInfo.exact(START));
    assertThat(once.nextDagRun(null, NOW, true)).contains(DagRunInfo.exact(START));
    assertThat(once.nextDagRun(START, NOW, false)).isEmpty();
    assertThat(once.summary()).isEqualTo("@once");
  }

  @Test
  void onceRunsAtAFutureStartDate() {
    Instant future = at("2024-02-01T00:00:00Z");

    assertThat(new OnceTimetable(future, null).nextDagRun(null, NOW, false))
        .contains(DagRunInfo.exact(future));
  }

  @Test
  void onceWithoutAStartDateRunsNow() {
    assertThat(new OnceTimetable(null, null).nextDagRun(null, NOW, false))
        .contains(DagRunInfo.exact(NOW));
  }

  @Test
  void onceDoesNotRunAfterTheEndDate() {
    assertThat(new OnceTimetable(START, at("2023-12-31T00:00:00Z")).nextDagRun(null, NOW, false))
        .isEmpty();
  }

  @Test
  void continuousRunsNowAgainAndAgain() {
    ContinuousTimetable continuous = new ContinuousTimetable(START, null);
    Instant later = NOW.plusSeconds(42);

    assertThat(continuous.nextDagRun(null, NOW, false)).contains(DagRunInfo.exact(NOW));
    assertThat(continuous.nextDagRun(NOW, later, false)).contains(DagRunInfo.exact(later));
    assertThat(continuous.summary()).isEqualTo("@continuous");
  }

  @Test
  void continuousWaitsForAFutureStartDate() {
    Instant future = at("2024-02-01T00:00:00Z");

    assertThat(new ContinuousTimetable(future, null).nextDagRun(null, NOW, true))
        .contains(DagRunInfo.exact(future));
  }

  @Test
  void continuousNeverRepeatsALogicalDate() {
    assertThat(new ContinuousTimetable(START, null).nextDagRun(NOW, NOW, false))
        .contains(DagRunInfo.exact(NOW.plus(1, ChronoUnit.MICROS)));
  }

  @Test
  void continuousStopsAtTheEndDate() {
    assertThat(
            new ContinuousTimetable(START, at("2024-01-03T00:00:00Z")).nextDagRun(null, NOW, false))
        .isEmpty();
  }

  @Test
  void continuousWithoutAStartDateNeverRuns() {
    assertThat(new ContinuousTimetable(null, null).nextDagRun(null, NOW, false)).isEmpty();
  }
}
