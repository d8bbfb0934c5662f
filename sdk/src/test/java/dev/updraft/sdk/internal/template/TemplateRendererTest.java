package dev.updraft.sdk.internal.template;

import static dev.updraft.sdk.internal.template.TemplateFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
          {{ ds | replace('-', '') }}                      => 20240131
          {{ params.x | default('y') }}                    => px
          {{ params.missing | default('y') }}              => y
          {{ dag_run.conf.missing | default('none') }}     => none
          {{ params.x | upper }}                           => PX
          {{ params['items'] | join(',') }}                => 1,2,3
          {{ params['items'] | sum }}                      => 6
          {{ params['items'] | length }}                   => 3
          {{ params.n * 2 }}                               => 6
          {{ ti.try_number - 1 }}                          => 0
          {{ ts[:10] }}                                    => 2024-01-31
          {{ '%s/%s' | format(dag.dag_id, ds) }}           => my_dag/2024-01-31
          {{ dag.dag_id ~ '.' ~ task.task_id }}            => my_dag.my_task
          {{ 'yes' if params.n > 2 else 'no' }}            => yes
          {% if missing is defined %}d{% else %}u{% endif %} => u
          {% for k in dag_run.conf | sort %}{{ k }};{% endfor %} => k;other;
          {% for k, v in params.nested.items() %}{{ k }}={{ v }}{% endfor %} => deep=value
          {% for k, v in dag_run.conf | dictsort %}{{ k }}={{ v }};{% endfor %} => k=kv;other=7;
          {% for i in params['items'] %}{{ loop.index }}{% endfor %} => 123
          {{ params.get('missing', 'fallback') }}          => fallback
          {% set n = namespace(total=0) %}{% for i in params['items'] %}{% set n.total = n.total + i %}{% endfor %}{{ n.total }} => 6
          {% macro greet(who) %}hi {{ who }}{% endmacro %}{{ greet(params.x) }} => hi px
          {{ params.nested }}                              => {'deep': 'value'}
          "echo {{ ds }} {# a comment #}"                  => "echo 2024-01-31 "
          "  {{- ds -}}  "                                 => 2024-01-31
          """)
  void rendersJinjaAsAirflowDoes(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void valuesAreNotRenderedASecondTime() {
    // Jinja never evaluates template syntax inside a variable's value.
    assertThat(render("{{ params.template_like }}")).isEqualTo("{{ ds }}");
  }

  @Test
  void textWithoutJinjaMarkersIsReturnedAsIs() {
    String plain = "echo ${HOME} {not a template} 100% done\n";
    assertThat(TemplateRenderer.render(plain, Map.of())).isSameAs(plain);
  }

  @Test
  void trailingNewlineIsKeptLikeTheFastPath() {
    // Deviation from Jinja's keep_trailing_newline=False, so both paths treat newlines alike.
    assertThat(render("{{ ds }}\n")).isEqualTo("2024-01-31\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{{ nope }}",
        "{{ nope.attr }}",
        "{{ params.missing }}",
        "{{ dag_run.conf.missing }}",
        "{{ dag_run.conf['missing'] }}",
        "{% if nope %}x{% endif %}",
        "{{ logical_date.nope }}",
        "{{ macros.nope() }}",
        "{{ macros.ds_add(ds) }}"
      })
  void undefinedNamesAndAttributesFailLikeStrictUndefined(String template) {
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining(template)
        .hasMessageContaining("line 1");
  }

  @Test
  void noneValuesAlsoFailBecauseJinjavaCannotTellThemFromUndefined() {
    // Jinja would render "None"; Jinjava's strict mode rejects every null result.
    assertThatThrownBy(() -> render("{{ params.nothing }}"))
        .isInstanceOf(TemplateRenderException.class);
    assertThat(render("{{ params.nothing is none }}")).isEqualTo("true");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{{ foo(",
        "{{ x y }}",
        "{% if %}",
        "{% for x in %}",
        "{% if true %}never closed",
        "{% endif %}",
        "{% unknowntag %}",
        "{{ ds | nosuchfilter }}"
      })
  void syntaxErrorsFail(String template) {
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining(template)
        .satisfies(e -> assertThat(((TemplateRenderException) e).errors()).isNotEmpty());
  }

  @Test
  void errorsNameTheirLine() {
    TemplateRenderException e =
        (TemplateRenderException) catchRender("first line\nsecond {{ ds }}\nthird {{ nope }}");
    assertThat(e.errors()).singleElement().asString().startsWith("line 3: ");
    assertThat(e.template()).isEqualTo("first line\nsecond {{ ds }}\nthird {{ nope }}");
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot render template 'first line\\nsecond {{ ds }}\\nthird {{ nope }}': "
                + "line 3: UnknownTokenException: Unknown token found: nope");
  }

  @Test
  void longTemplatesAreAbbreviatedInTheMessage() {
    String template = "x".repeat(200) + "{{ nope }}";
    assertThat(catchRender(template).getMessage())
        .startsWith("cannot render template '" + "x".repeat(97) + "...': ")
        .doesNotContain("x".repeat(98));
  }

  /**
   * Only the methods of our own template objects (and Jinjava's filters and dict/list wrappers) are
   * callable. Calling anything else throws; reading a property of any other object resolves to
   * undefined, which strict mode also turns into a thrown {@link TemplateRenderException}. Nothing
   * renders silently as empty.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{{ macros.getClass() }}",
        "{{ macros.class }}",
        "{{ macros.getClass().forName('java.lang.System') }}",
        "{{ ds.getClass() }}",
        "{{ ds.class }}",
        "{{ ds.length() }}",
        "{{ ds.bytes }}",
        "{{ ds.toUpperCase() }}",
        "{{ params.x.hashCode() }}",
        "{{ logical_date.getClass() }}",
        "{{ logical_date.zoned() }}",
        "{{ logical_date.value }}",
        "{{ macros.clock }}",
        "{{ macros.uuid.uuid4().value }}",
        "{{ ti.try_number.getClass() }}",
        "{{ params['items'].getClass() }}"
      })
  void arbitraryJavaMethodsAreNotReachable(String template) {
    assertThatThrownBy(() -> render(template)).isInstanceOf(TemplateRenderException.class);
  }

  @Test
  void rendersFromManyThreadsAtOnce() throws Exception {
    int threads = 8;
    int rendersPerThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int day = t + 1;
        Callable<List<String>> job =
            () -> {
              Instant date = Instant.parse(String.format("2024-03-%02dT00:00:00Z", day));
              Map<String, Object> ctx = TemplateContexts.forTry(TemplateFixtures.inputs(date));
              List<String> wrong = new ArrayList<>();
              String expected = String.format("2024-03-%02d|2024-03-%02d|my_task", day, day + 1);
              for (int i = 0; i < rendersPerThread; i++) {
                String out =
                    TemplateRenderer.render(
                        "{{ ds }}|{{ macros.ds_add(ds, 1) }}|{{ ti.task_id }}", ctx);
                if (!out.equals(expected)) {
                  wrong.add(out);
                }
              }
              return wrong;
            };
        futures.add(pool.submit(job));
      }
      for (Future<List<String>> f : futures) {
        assertThat(f.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException catchRender(String template) {
    try {
      render(template);
    } catch (TemplateRenderException e) {
      return e;
    }
    throw new AssertionError("expected a TemplateRenderException for " + template);
  }
}
