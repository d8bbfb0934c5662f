package dev.updraft.sdk.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.sdk.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Airflow's {@code var} and {@code conn} template accessors. */
class TemplateSecretsTest {
  private static final Map<String, String> VARIABLES =
      Map.of("region", "eu-west-1", "cfg", "{\"bucket\": {\"name\": \"raw\"}, \"n\": [1, 2]}");
  private static final Connection WAREHOUSE =
      new Connection(
          "warehouse",
          "postgres",
          "db.local",
          "dwh",
          "etl",
          "s3cret",
          5432,
          "{\"sslmode\": \"x\"}");

  private final List<String> lookedUp = new CopyOnWriteArrayList<>();

  private Map<String, Object> context() {
    return TemplateContexts.withSecrets(
        TemplateFixtures.context(),
        key -> {
          lookedUp.add(key);
          return Optional.ofNullable(VARIABLES.get(key));
        },
        id -> id.equals("warehouse") ? Optional.of(WAREHOUSE) : Optional.empty());
  }

  @Test
  void readsVariablesAsTextAndJson() {
    assertThat(TemplateRenderer.render("{{ var.value.region }}/{{ ds }}", context()))
        .isEqualTo("eu-west-1/2024-01-31");
    assertThat(
            TemplateRenderer.render(
                "{{ var.json.cfg.bucket.name }} {{ var.json.cfg.n | sum }}", context()))
        .isEqualTo("raw 3");
  }

  @Test
  void looksVariablesUpOnlyWhenRead() {
    TemplateRenderer.render("{{ ds }} {{ var.value.region }}", context());
    assertThat(lookedUp).containsExactly("region");
  }

  @Test
  void aMissingVariableFailsTheRenderNamingIt() {
    assertThatThrownBy(() -> TemplateRenderer.render("{{ var.value.nope }}", context()))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("Variable nope does not exist");
    assertThatThrownBy(() -> TemplateRenderer.render("{{ var.json.nope.x }}", context()))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("Variable nope does not exist");
  }

  @Test
  void aVariableThatIsNotJsonFailsVarJsonNamingIt() {
    assertThatThrownBy(() -> TemplateRenderer.render("{{ var.json.region }}", context()))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("Variable region is not valid JSON");
  }

  @Test
  void readsConnectionAttributesAsAirflowNamesThem() {
    String rendered =
        TemplateRenderer.render(
            "{{ conn.warehouse.conn_id }} {{ conn.warehouse.conn_type }}"
                + " {{ conn.warehouse.login }}:{{ conn.warehouse.password }}"
                + "@{{ conn.warehouse.host }}:{{ conn.warehouse.port }}/{{ conn.warehouse.schema }}"
                + " {{ conn.warehouse.extra_dejson.sslmode }}",
            context());
    assertThat(rendered).isEqualTo("warehouse postgres etl:s3cret@db.local:5432/dwh x");
  }

  @Test
  void aMissingConnectionFailsTheRenderNamingIt() {
    assertThatThrownBy(() -> TemplateRenderer.render("{{ conn.nope.host }}", context()))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("The conn_id `nope` isn't defined");
  }
}
