package dev.updraft.sdk.internal.template;

import static dev.updraft.sdk.internal.template.TemplateFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateDateTimeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
          {{ logical_date }}                                   => 2024-01-31 00:00:00+00:00
          {{ logical_date | string }}                          => 2024-01-31 00:00:00+00:00
          {{ logical_date.isoformat() }}                       => 2024-01-31T00:00:00+00:00
          {{ logical_date.strftime('%Y-%m-%d') }}              => 2024-01-31
          {{ logical_date.strftime('%d/%m/%Y %H:%M') }}        => 31/01/2024 00:00
          {{ logical_date.strftime('%A %B %-d') }}             => Wednesday January 31
          {{ logical_date.year }}                              => 2024
          {{ logical_date.month }}                             => 1
          {{ logical_date.day }}                               => 31
          {{ logical_date.hour }}                              => 0
          {{ logical_date.minute }}                            => 0
          {{ logical_date.second }}                            => 0
          {{ logical_date.microsecond }}                       => 0
          {{ logical_date.timestamp() }}                       => 1706659200.0
          {{ logical_date.timestamp() | int }}                 => 1706659200
          {{ logical_date.weekday() }}                         => 2
          {{ logical_date.isoweekday() }}                      => 3
          {{ logical_date.in_timezone('Europe/Paris') }}       => 2024-01-31 01:00:00+01:00
          {{ logical_date.in_timezone('America/New_York').strftime('%H %Z') }} => 19 EST
          {{ logical_date > data_interval_start }}             => true
          {{ data_interval_end == logical_date }}              => true
          {{ [logical_date] }}                                 => [2024-01-31 00:00:00+00:00]
          """)
  void behavesLikeAPendulumDateTime(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void timestampKeepsMicroseconds() {
    TemplateDateTime dt = TemplateDateTime.of(Instant.parse("2024-01-31T12:30:45.123456Z"));
    assertThat(dt.timestamp()).hasToString("1706704245.123456");
    assertThat(dt.getMicrosecond()).isEqualTo(123456);
  }

  @Test
  void nanosecondsAreTruncatedToPythonsMicroseconds() {
    TemplateDateTime dt = TemplateDateTime.of(Instant.parse("2024-01-31T00:00:00.000000999Z"));
    assertThat(dt).hasToString("2024-01-31 00:00:00+00:00");
  }
}
