package dev.updraft.sdk.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class StrptimeTest {

  @Test
  void parsesIsoDates() {
    assertThat(Strptime.parse("2015-01-01", "%Y-%m-%d"))
        .isEqualTo(LocalDateTime.of(2015, 1, 1, 0, 0));
  }

  @Test
  void acceptsSingleDigitFieldsAsPythonDoes() {
    assertThat(Strptime.parse("1/5/2015", "%m/%d/%Y"))
        .isEqualTo(LocalDateTime.of(2015, 1, 5, 0, 0));
  }

  @Test
  void parsesCompactDates() {
    assertThat(Strptime.parse("20240131", "%Y%m%d")).isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
  }

  @Test
  void missingFieldsDefaultTo1900() {
    assertThat(Strptime.parse("13:45", "%H:%M")).isEqualTo(LocalDateTime.of(1900, 1, 1, 13, 45));
  }

  @Test
  void twoDigitYearsPivotAt69() {
    assertThat(Strptime.parse("68", "%y")).isEqualTo(LocalDateTime.of(2068, 1, 1, 0, 0));
    assertThat(Strptime.parse("69", "%y")).isEqualTo(LocalDateTime.of(1969, 1, 1, 0, 0));
  }

  @Test
  void monthAndDayNamesAreCaseInsensitive() {
    assertThat(Strptime.parse("wednesday, JANUARY 31 2024", "%A, %B %d %Y"))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    assertThat(Strptime.parse("31-jan-24", "%d-%b-%y"))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
  }

  @Test
  void twelveHourClock() {
    assertThat(Strptime.parse("01:30 PM", "%I:%M %p"))
        .isEqualTo(LocalDateTime.of(1900, 1, 1, 13, 30));
    assertThat(Strptime.parse("12:05 am", "%I:%M %p"))
        .isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 5));
  }

  @Test
  void dayOfYearAndFractions() {
    assertThat(Strptime.parse("2024 060 5", "%Y %j %f"))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0, 0, 500_000_000));
  }

  @Test
  void offsetsMakeAnAwareDateTime() {
    assertThat(Strptime.parse("2024-01-31T10:00:00+0200", "%Y-%m-%dT%H:%M:%S%z"))
        .isEqualTo(ZonedDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
    assertThat(Strptime.parse("2024-01-31 10:00 -05:30", "%Y-%m-%d %H:%M %z"))
        .isEqualTo(ZonedDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)));
    assertThat(Strptime.parse("2024-01-31Z", "%Y-%m-%d%z"))
        .isEqualTo(ZonedDateTime.of(2024, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void rejectsTextThatDoesNotMatchWithPythonsMessage() {
    assertThatThrownBy(() -> Strptime.parse("2015/01/01", "%Y-%m-%d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time data '2015/01/01' does not match format '%Y-%m-%d'");
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> Strptime.parse("2015-02-30", "%Y-%m-%d"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsUnknownDirectives() {
    assertThatThrownBy(() -> Strptime.parse("x", "%Q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'Q' is a bad directive in format '%Q'");
  }
}
