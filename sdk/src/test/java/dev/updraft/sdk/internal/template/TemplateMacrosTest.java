package dev.updraft.sdk.internal.template;

import static dev.updraft.sdk.internal.template.TemplateFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateMacrosTest {
  private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
  private static final TemplateMacros MACROS = new TemplateMacros(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
          {{ macros.ds_add('2015-01-01', 5) }}                              => 2015-01-06
          {{ macros.ds_add('2015-01-06', -5) }}                             => 2015-01-01
          {{ macros.ds_add(ds, 1) }}                                        => 2024-02-01
          {{ macros.ds_add(ds, -31) }}                                      => 2023-12-31
          {{ macros.ds_add(ds, 0) }}                                        => 2024-01-31
          {{ macros.ds_format('2015-01-01', '%Y-%m-%d', '%m-%d-%y') }}      => 01-01-15
          {{ macros.ds_format('1/5/2015', '%m/%d/%Y', '%Y-%m-%d') }}        => 2015-01-05
          {{ macros.ds_format(ds, '%Y-%m-%d', '%Y/%m/%d') }}                => 2024/01/31
          {{ macros.ds_format(ds_nodash, '%Y%m%d', '%d %B %Y') }}           => 31 January 2024
          {{ macros.ds_format(ds, '%Y-%m-%d', '%Y-%m-%d %z') }}             => "2024-01-31 "
          """)
  void dateMacrosMatchAirflowsDocumentedExamples(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void dsFormatWithABadInputFailsTheRender() {
    assertThatThrownBy(() -> render("{{ macros.ds_format('31/01/2024', '%Y-%m-%d', '%Y') }}"))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("does not match format '%Y-%m-%d'");
  }

  @ParameterizedTest(name = "{0}s from now -> {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          -5        => a few seconds ago
          -30       => 30 seconds ago
          -60       => 1 minute ago
          -7200     => 2 hours ago
          7200      => in 2 hours
          -86400    => 1 day ago
          -165600   => 2 days ago
          -259200   => 3 days ago
          -864000   => 1 week ago
          -950400   => 2 weeks ago
          86400     => in 1 day
          """)
  void diffForHumansRelativeToNow(long seconds, String expected) {
    TemplateDateTime dt = TemplateDateTime.of(NOW.plus(Duration.ofSeconds(seconds)));
    assertThat(MACROS.datetime_diff_for_humans(dt)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} since {1} -> {2}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          2024-01-31T00:00:00Z => 2024-01-30T00:00:00Z => 1 day after
          2024-01-30T00:00:00Z => 2024-01-31T00:00:00Z => 1 day before
          2024-03-01T00:00:00Z => 2024-01-01T00:00:00Z => 2 months after
          2021-01-01T00:00:00Z => 2024-01-31T00:00:00Z => 3 years before
          2024-08-01T00:00:00Z => 2023-01-01T00:00:00Z => 2 years after
          2024-12-20T00:00:00Z => 2024-01-01T00:00:00Z => 1 year after
          2024-01-01T00:00:05Z => 2024-01-01T00:00:00Z => a few seconds after
          """)
  void diffForHumansBetweenTwoDates(Instant dt, Instant since, String expected) {
    assertThat(MACROS.datetime_diff_for_humans(TemplateDateTime.of(dt), TemplateDateTime.of(since)))
        .isEqualTo(expected);
  }

  @Test
  void diffForHumansFromATemplate() {
    Map<String, Object> ctx = new HashMap<>(TemplateFixtures.context());
    ctx.put("macros", MACROS);
    assertThat(
            TemplateRenderer.render(
                "{{ macros.datetime_diff_for_humans(logical_date, data_interval_start) }}", ctx))
        .isEqualTo("1 day after");
    assertThat(
            TemplateRenderer.render(
                "{{ macros.datetime_diff_for_humans(data_interval_start, None) }}", ctx))
        .isEqualTo("4 months ago");
  }

  @Test
  void randomIsAFloatInTheUnitInterval() {
    for (int i = 0; i < 100; i++) {
      double value = Double.parseDouble(render("{{ macros.random() }}"));
      assertThat(value).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
    assertThat(render("{{ macros.random() < 1 }}")).isEqualTo("true");
  }

  @Test
  void uuid4RendersAsARandomUuid() {
    String uuid = render("{{ macros.uuid.uuid4() }}");
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(render("{{ macros.uuid.uuid4().hex }}")).matches("[0-9a-f]{32}");
    assertThat(render("{{ macros.uuid.uuid4() }}")).isNotEqualTo(uuid);
  }
}
