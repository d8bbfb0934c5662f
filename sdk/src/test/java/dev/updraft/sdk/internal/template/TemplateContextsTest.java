package dev.updraft.sdk.internal.template;

import static dev.updraft.sdk.internal.template.TemplateFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateContextsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      textBlock =
          """
          {{ ds }}                     => 2024-01-31
          {{ ds_nodash }}              => 20240131
          {{ ts }}                     => 2024-01-31T00:00:00+00:00
          {{ ts_nodash }}              => 20240131T000000
          {{ ts_nodash_with_tz }}      => 20240131T000000+0000
          {{ logical_date }}           => 2024-01-31 00:00:00+00:00
          {{ data_interval_start }}    => 2024-01-30 00:00:00+00:00
          {{ data_interval_end }}      => 2024-01-31 00:00:00+00:00
          {{ run_id }}                 => scheduled__2024-01-31T00:00:00+00:00
          {{ dag.dag_id }}             => my_dag
          {{ dag.owner }}              => alice
          {{ task.task_id }}           => my_task
          {{ task.dag_id }}            => my_dag
          {{ ti.dag_id }}              => my_dag
          {{ ti.task_id }}             => my_task
          {{ ti.run_id }}              => scheduled__2024-01-31T00:00:00+00:00
          {{ ti.try_number }}          => 1
          {{ ti.max_tries }}           => 3
          {{ ti.map_index }}           => -1
          {{ task_instance.task_id }}  => my_task
          {{ task_instance_key_str }}  => my_dag__my_task__20240131
          {{ params.x }}               => px
          {{ params['x'] }}            => px
          {{ params.nested.deep }}     => value
          {{ dag_run.run_id }}         => scheduled__2024-01-31T00:00:00+00:00
          {{ dag_run.run_type }}       => scheduled
          {{ dag_run.conf['k'] }}      => kv
          {{ dag_run.conf.k }}         => kv
          {{ dag_run.logical_date }}   => 2024-01-31 00:00:00+00:00
          {{ dag_run.data_interval_start.isoformat() }} => 2024-01-30T00:00:00+00:00
          {{ dag_run.data_interval_end }} => 2024-01-31 00:00:00+00:00
          """)
  void rendersEachVariableAsAirflowDoes(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void confIsNotATopLevelVariableInAirflow3() {
    assertThat(TemplateFixtures.context()).doesNotContainKey("conf");
    assertThatThrownBy(() -> render("{{ conf.k }}")).isInstanceOf(TemplateRenderException.class);
  }

  @Test
  void tiAndTaskInstanceAreTheSameMap() {
    Map<String, Object> ctx = TemplateFixtures.context();
    assertThat(ctx.get("ti")).isSameAs(ctx.get("task_instance"));
  }

  @Test
  void microsecondsAppearWhereAirflowShowsThem() {
    Map<String, Object> ctx =
        TemplateContexts.forTry(
            TemplateFixtures.inputs(Instant.parse("2024-01-31T12:30:45.123456789Z")));
    assertThat(TemplateRenderer.render("{{ ts }}", ctx))
        .isEqualTo("2024-01-31T12:30:45.123456+00:00");
    assertThat(TemplateRenderer.render("{{ ts_nodash }}", ctx)).isEqualTo("20240131T123045");
    // Airflow derives it from ts by dropping '-' and ':', so the fraction stays.
    assertThat(TemplateRenderer.render("{{ ts_nodash_with_tz }}", ctx))
        .isEqualTo("20240131T123045.123456+0000");
    assertThat(TemplateRenderer.render("{{ logical_date }}", ctx))
        .isEqualTo("2024-01-31 12:30:45.123456+00:00");
  }

  @Test
  void withoutLogicalDateTheDateVariablesAreUndefined() {
    Map<String, Object> ctx = TemplateContexts.forTry(TemplateFixtures.inputs(null));

    assertThat(ctx)
        .doesNotContainKeys(
            "ds",
            "ds_nodash",
            "ts",
            "ts_nodash",
            "ts_nodash_with_tz",
            "logical_date",
            "data_interval_start",
            "data_interval_end",
            "task_instance_key_str");
    assertThatThrownBy(() -> TemplateRenderer.render("{{ ds }}", ctx))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("{{ ds }}");
    assertThat(TemplateRenderer.render("{{ run_id }}/{{ ti.try_number }}", ctx))
        .isEqualTo(TemplateFixtures.RUN_ID + "/1");
  }

  @Test
  void ownerDefaultsToAirflow() {
    TemplateInputs in = TemplateFixtures.inputs();
    TemplateInputs noOwner =
        new TemplateInputs(
            in.dagId(),
            in.taskId(),
            in.runId(),
            in.runType(),
            in.logicalDate(),
            in.dataIntervalStart(),
            in.dataIntervalEnd(),
            in.tryNumber(),
            in.maxTries(),
            null,
            null,
            null);
    Map<String, Object> ctx = TemplateContexts.forTry(noOwner);
    assertThat(TemplateRenderer.render("{{ dag.owner }} {{ params }} {{ dag_run.conf }}", ctx))
        .isEqualTo("airflow {} {}");
  }

  @Test
  void templatesCannotChangeTheCallersMaps() {
    Map<String, Object> params = new HashMap<>(Map.of("x", "1"));
    TemplateInputs in =
        new TemplateInputs("d", "t", "r", "manual", null, null, null, 1, 0, params, Map.of(), "o");
    Map<String, Object> ctx = TemplateContexts.forTry(in);
    params.put("x", "changed later");

    assertThat(TemplateRenderer.render("{{ params.x }}", ctx)).isEqualTo("1");
    assertThatThrownBy(() -> TemplateRenderer.render("{% do params.update({'x': 2}) %}", ctx))
        .isInstanceOf(TemplateRenderException.class);
    assertThat(TemplateRenderer.render("{{ params.x }}", ctx)).isEqualTo("1");
  }
}
