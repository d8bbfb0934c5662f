package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static final CronSchedule TWO_AM_AMSTERDAM =
      new CronSchedule("0 2 * * *", ZoneId.of("Europe/Amsterdam"));

  @Test
  void nextAndPreviousAreStrict() {
    CronSchedule daily = new CronSchedule("0 0 * * *", ZoneOffset.UTC);

    assertThat(daily.next(at("2024-01-10T00:00:00Z"))).isEqualTo(at("2024-01-11T00:00:00Z"));
    assertThat(daily.previous(at("2024-01-10T00:00:00Z"))).isEqualTo(at("2024-01-09T00:00:00Z"));
    assertThat(daily.alignToNext(at("2024-01-10T00:00:00Z"))).isEqualTo(at("2024-01-10T00:00:00Z"));
    assertThat(daily.alignToPrevious(at("2024-01-10T00:00:01Z")))
        .isEqualTo(at("2024-01-10T00:00:00Z"));
    assertThat(daily.alignToNext(at("2024-01-10T00:00:01Z"))).isEqualTo(at("2024-01-11T00:00:00Z"));
  }

  @Test
  void theTickMovedOutOfTheGapIsATickBothWays() {
    // 2024-03-31 02:00 does not exist in Amsterdam; the tick is 03:00 CEST = 01:00Z.
    assertThat(TWO_AM_AMSTERDAM.alignToNext(at("2024-03-31T00:30:00Z")))
        .isEqualTo(at("2024-03-31T01:00:00Z"));
    assertThat(TWO_AM_AMSTERDAM.alignToPrevious(at("2024-03-31T01:00:00Z")))
        .isEqualTo(at("2024-03-31T01:00:00Z"));
    assertThat(TWO_AM_AMSTERDAM.previous(at("2024-03-31T01:00:00Z")))
        .isEqualTo(at("2024-03-30T01:00:00Z"));
    assertThat(TWO_AM_AMSTERDAM.next(at("2024-03-31T01:00:00Z")))
        .isEqualTo(at("2024-04-01T00:00:00Z"));
  }

  @Test
  void anHourFieldCoveringEveryHourStepsInRealTime() {
    CronSchedule allHours = new CronSchedule("0 0-23 * * *", ZoneId.of("Europe/Amsterdam"));

    // 02:00 CEST, then 02:00 CET an hour later, as with "0 * * * *".
    assertThat(allHours.next(at("2024-10-27T00:00:00Z"))).isEqualTo(at("2024-10-27T01:00:00Z"));
  }

  @Test
  void anInvalidExpressionIsRejected() {
    assertThatThrownBy(() -> new CronSchedule("0 0 * *", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 fields");
  }
}
