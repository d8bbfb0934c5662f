package dev.updraft.sdk.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are what CPython on Linux gives for the same date. */
class StrftimeTest {
  // A Monday, afternoon, with microseconds.
  private static final ZonedDateTime DATE =
      ZonedDateTime.of(2024, 2, 5, 13, 4, 9, 123_456_000, ZoneId.of("UTC"));

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
          %Y|2024
          %m|02
          %d|05
          %H|13
          %M|04
          %S|09
          %f|123456
          %j|036
          %a|Mon
          %A|Monday
          %b|Feb
          %h|Feb
          %B|February
          %y|24
          %z|+0000
          %:z|+00:00
          %Z|UTC
          %%|%
          %I|01
          %p|PM
          %w|1
          %u|1
          %U|05
          %W|06
          %V|06
          %G|2024
          %C|20
          %e|" 5"
          %-d|5
          %-m|2
          %-H|13
          %-I|1
          %-j|36
          %s|1707138249
          %c|Mon Feb  5 13:04:09 2024
          %x|02/05/24
          %X|13:04:09
          %D|02/05/24
          %F|2024-02-05
          %T|13:04:09
          %R|13:04
          %r|01:04:09 PM
          %Y-%m-%dT%H:%M:%S.%f%z|2024-02-05T13:04:09.123456+0000
          %Q|%Q
          100%|100%
          """)
  void formatsLikePython(String pattern, String expected) {
    assertThat(Strftime.format(DATE, pattern)).isEqualTo(expected);
  }

  @Test
  void naiveDatesHaveEmptyZoneDirectives() {
    LocalDateTime naive = LocalDateTime.of(2015, 1, 1, 0, 0);
    assertThat(Strftime.format(naive, "%Y-%m-%d[%z][%Z]")).isEqualTo("2015-01-01[][]");
  }

  @Test
  void otherZonesUseTheirOffsetAndAbbreviation() {
    ZonedDateTime paris = DATE.withZoneSameInstant(ZoneId.of("Europe/Paris"));
    assertThat(Strftime.format(paris, "%H:%M %z %Z")).isEqualTo("14:04 +0100 CET");
    ZonedDateTime india = DATE.withZoneSameInstant(ZoneId.of("Asia/Kolkata"));
    assertThat(Strftime.format(india, "%z %:z")).isEqualTo("+0530 +05:30");
  }

  @Test
  void weekNumbersAtTheStartOfTheYear() {
    // 2023-01-01 is a Sunday: week 1 for %U, still week 0 for %W, ISO week 52 of 2022.
    ZonedDateTime newYear = ZonedDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
    assertThat(Strftime.format(newYear, "%U %W %V %G")).isEqualTo("01 00 52 2022");
  }

  @Test
  void midnightAndNoonOnTheTwelveHourClock() {
    ZonedDateTime midnight = DATE.withHour(0);
    ZonedDateTime noon = DATE.withHour(12);
    assertThat(Strftime.format(midnight, "%I %p")).isEqualTo("12 AM");
    assertThat(Strftime.format(noon, "%I %p")).isEqualTo("12 PM");
  }
}
