package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimetablesTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static DagBuilder dag() {
    return Dag.builder("etl").startDate(at("2024-01-01T00:00:00Z"));
  }

  @Test
  void noScheduleIsTheNullTimetable() {
    assertThat(Timetables.of(dag().build())).isEqualTo(new NullTimetable());
  }

  @Test
  void onceAndContinuousKeepTheDates() {
    assertThat(Timetables.of(dag().schedule("@once").endDate(at("2024-02-01T00:00:00Z")).build()))
        .isEqualTo(new OnceTimetable(at("2024-01-01T00:00:00Z"), at("2024-02-01T00:00:00Z")));
    assertThat(Timetables.of(dag().schedule("@continuous").maxActiveRuns(1).build()))
        .isEqualTo(new ContinuousTimetable(at("2024-01-01T00:00:00Z"), null));
  }

  @Test
  void continuousAllowsAtMostOneActiveRun() {
    Dag dag = dag().schedule("@continuous").maxActiveRuns(2).build();

    assertThatThrownBy(() -> Timetables.of(dag))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ContinuousTimetable requires max_active_runs <= 1");
  }

  @Test
  void presetsAndCronTriggerAtEachTickInTheDagTimezone() {
    assertThat(Timetables.of(dag().timezone(AMSTERDAM).schedule("@weekly").build()))
        .isEqualTo(
            new CronTriggerTimetable(
                new CronSchedule("0 0 * * 0", AMSTERDAM), at("2024-01-01T00:00:00Z"), null));
    assertThat(Timetables.of(dag().schedule("15 3 * * MON").build()))
        .isInstanceOf(CronTriggerTimetable.class)
        .extracting(Timetable::summary)
        .isEqualTo("15 3 * * MON");
  }

  @Test
  void theLegacyFlagGivesCronDataIntervals() {
    assertThat(Timetables.of(dag().schedule("@daily").build(), true))
        .isEqualTo(
            new CronDataIntervalTimetable(
                new CronSchedule("0 0 * * *", java.time.ZoneOffset.UTC),
                at("2024-01-01T00:00:00Z"),
                null));
  }

  @Test
  void anIntervalIsTheDeltaTriggerTimetable() {
    assertThat(Timetables.of(dag().schedule(Schedule.every(Duration.ofMinutes(30))).build()))
        .isEqualTo(
            new DeltaTriggerTimetable(Duration.ofMinutes(30), at("2024-01-01T00:00:00Z"), null));
  }

  @Test
  void anUnknownPresetOrBadCronIsRejected() {
    assertThatThrownBy(() -> Timetables.of(dag().schedule("@fortnightly").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a preset");
    assertThatThrownBy(() -> Timetables.of(dag().schedule("61 * * * *").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
