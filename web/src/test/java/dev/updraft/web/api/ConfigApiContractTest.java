package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v2/config}: Airflow's 403 unless exposed; sections, options, text format and 404s
 * when exposed. The configuration lives in memory, so one database dialect suffices.
 */
class ConfigApiContractTest {
  private static final String CONFIG = "/api/v2/config";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void startExposed() throws Exception {
    Map<String, Map<String, String>> config = new LinkedHashMap<>();
    Map<String, String> core = new LinkedHashMap<>();
    core.put("dags_folder", "/opt/dags");
    core.put("parallelism", "32");
    config.put("core", core);
    config.put("database", Map.of("sql_alchemy_conn", "jdbc:postgresql://db/u?password=s3cret"));
    config.put("smtp", Map.of("smtp_password", "hunter2"));
    api = ApiTestServer.withSettings(Dialect.H2, home, b -> b.exposeConfig(config));
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + api.op());
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    api.assertConforms("GET", path, response);
    return response;
  }

  @Test
  void refusesUnlessExposed() throws Exception {
    api = ApiTestServer.start(Dialect.H2, home);
    String expected =
        "Your Airflow administrator chose not to expose the configuration, most likely for"
            + " security reasons.";
    JsonNode all = api.call(403, "GET", CONFIG, api.op(), null);
    assertThat(all.path("detail").asText()).isEqualTo(expected);
    JsonNode one =
        api.call(403, "GET", CONFIG + "/section/core/option/dags_folder", api.op(), null);
    assertThat(one.path("detail").asText()).isEqualTo(expected);
    api.call(401, "GET", CONFIG, null, null);
  }

  @Test
  void showsSectionsAndOptionsWithSecretsHidden() throws Exception {
    startExposed();
    JsonNode all = api.call(200, "GET", CONFIG, api.op(), null);
    assertThat(all.path("sections").findValuesAsText("name"))
        .containsExactly("core", "database", "smtp");
    assertThat(all.at("/sections/0/options/0/key").asText()).isEqualTo("dags_folder");
    assertThat(all.at("/sections/0/options/1/value").asText()).isEqualTo("32");
    assertThat(all.at("/sections/1/options/0/value").asText()).isEqualTo("< hidden >");
    assertThat(all.toString()).doesNotContain("s3cret").doesNotContain("hunter2");

    JsonNode core = api.call(200, "GET", CONFIG + "?section=core", api.op(), null);
    assertThat(core.path("sections").size()).isEqualTo(1);
    JsonNode missing = api.call(404, "GET", CONFIG + "?section=nope", api.op(), null);
    assertThat(missing.path("detail").asText()).isEqualTo("Section nope not found.");

    JsonNode option =
        api.call(200, "GET", CONFIG + "/section/core/option/parallelism", api.op(), null);
    assertThat(option.toString())
        .isEqualTo(
            "{\"sections\":[{\"name\":\"core\",\"options\":[{\"key\":\"parallelism\",\"value\":\"32\"}]}]}");
    JsonNode hidden =
        api.call(200, "GET", CONFIG + "/section/database/option/sql_alchemy_conn", api.op(), null);
    assertThat(hidden.at("/sections/0/options/0/value").asText()).isEqualTo("< hidden >");
    JsonNode noOption = api.call(404, "GET", CONFIG + "/section/core/option/nope", api.op(), null);
    assertThat(noOption.path("detail").asText()).isEqualTo("Option [core/nope] not found.");

    // Configuration is op-level in Airflow's simple auth manager.
    JsonNode viewer = api.call(403, "GET", CONFIG, api.viewer(), null);
    assertThat(viewer.path("detail").asText()).isEqualTo("Forbidden");
  }

  @Test
  void answersTextWhenAskedAndRefusesOtherTypes() throws Exception {
    startExposed();
    HttpResponse<String> text = get(CONFIG + "?section=core", "text/plain");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(text.body()).isEqualTo("[core]\ndags_folder = /opt/dags\nparallelism = 32\n");
    HttpResponse<String> all = get(CONFIG, "text/plain");
    assertThat(all.body()).contains("\n\n[database]\nsql_alchemy_conn = < hidden >\n");
    HttpResponse<String> one = get(CONFIG + "/section/core/option/dags_folder", "text/plain");
    assertThat(one.body()).isEqualTo("[core]\ndags_folder = /opt/dags\n");
    HttpResponse<String> json = get(CONFIG, "application/json");
    assertThat(json.body()).startsWith("{\"sections\"");
    HttpResponse<String> xml = get(CONFIG, "application/xml");
    assertThat(xml.statusCode()).isEqualTo(406);
    assertThat(xml.body()).contains("Only application/json or text/plain is supported");
  }
}
