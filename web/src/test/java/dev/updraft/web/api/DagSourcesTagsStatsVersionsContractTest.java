package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.dagsync.DagSync;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /dagSources}, {@code /dagTags}, {@code /dagStats} and {@code /dags/{id}/dagVersions} on a
 * real server and database, every response checked against the spec.
 */
class DagSourcesTagsStatsVersionsContractTest {
  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    api = ApiTestServer.withDags(dialect, home, DagFixtures.etlAndReports());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void showsTheJavaSourceBesideTheClassesOrSaysWhereTheDagCameFrom(Dialect dialect)
      throws Exception {
    start(dialect);
    String source = "package test;\nclass Dags { String id = \"etl_daily\"; }\n";
    try (OutputStream out = Files.newOutputStream(home.resolve("dags.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("test/Other.java"));
      jar.write("class Other { String id = \"etl_daily_v2\"; }".getBytes(StandardCharsets.UTF_8));
      jar.putNextEntry(new JarEntry("test/Dags.java"));
      jar.write(source.getBytes(StandardCharsets.UTF_8));
    }
    JsonNode daily = api.call(200, "GET", "/api/v2/dagSources/etl_daily", api.viewer(), null);
    assertThat(daily.path("content").asText()).isEqualTo(source);
    assertThat(daily.path("version_number").asInt()).isEqualTo(1);
    assertThat(daily.path("dag_display_name").asText()).isEqualTo("etl_daily");

    JsonNode hourly = api.call(200, "GET", "/api/v2/dagSources/etl_hourly", api.viewer(), null);
    assertThat(hourly.path("content").asText())
        .contains("compiled Java DAG", home.resolve("dags.jar").toString());

    HttpResponse<String> text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v2/dagSources/etl_daily"))
                    .header("Authorization", "Bearer " + api.viewer())
                    .header("Accept", "text/plain")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.body()).isEqualTo(source);
    assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    HttpResponse<String> xml =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v2/dagSources/etl_daily"))
                    .header("Authorization", "Bearer " + api.viewer())
                    .header("Accept", "application/xml")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(xml.statusCode()).isEqualTo(406);
    assertThat(xml.body()).contains("Only application/json or text/plain is supported");

    JsonNode noVersion =
        api.call(404, "GET", "/api/v2/dagSources/etl_daily?version_number=7", api.viewer(), null);
    assertThat(noVersion.path("detail").asText())
        .isEqualTo("The source code of the DAG etl_daily, version_number 7 was not found");
    JsonNode noDag = api.call(404, "GET", "/api/v2/dagSources/..%2F..%2Fetc", api.viewer(), null);
    assertThat(noDag.path("detail").asText()).endsWith("version_number None was not found");
    api.call(422, "GET", "/api/v2/dagSources/etl_daily?version_number=x", api.viewer(), null);
    api.call(401, "GET", "/api/v2/dagSources/etl_daily", null, null);
  }

  private String base() throws Exception {
    // The server's address, from a request that already went through it.
    return api.send("GET", "/api/v2/version", null, null)
        .uri()
        .toString()
        .replace("/api/v2/version", "");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsDistinctTagsWithPatternAndPaging(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode all = api.call(200, "GET", "/api/v2/dagTags", api.viewer(), null);
    assertThat(texts(all.path("tags"))).containsExactly("daily", "etl", "hourly");
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    JsonNode page =
        api.call(200, "GET", "/api/v2/dagTags?order_by=-name&limit=1&offset=1", api.viewer(), null);
    assertThat(texts(page.path("tags"))).containsExactly("etl");
    assertThat(page.path("total_entries").asInt()).isEqualTo(3);
    JsonNode matching =
        api.call(200, "GET", "/api/v2/dagTags?tag_name_pattern=LY", api.viewer(), null);
    assertThat(texts(matching.path("tags"))).containsExactly("daily", "hourly");
    JsonNode injected =
        api.call(
            200,
            "GET",
            "/api/v2/dagTags?tag_name_pattern=%27%20OR%201%3D1%20--",
            api.viewer(),
            null);
    assertThat(injected.path("total_entries").asInt()).isZero();
    var badOrder = api.send("GET", "/api/v2/dagTags?order_by=dag_id", api.viewer(), null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    api.call(422, "GET", "/api/v2/dagTags?limit=x", api.viewer(), null);
    api.call(401, "GET", "/api/v2/dagTags", null, null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void countsRunsPerStateForEachDagWithRuns(Dialect dialect) throws Exception {
    start(dialect);
    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    DagFixtures.run(api.db(), "etl_daily", "r1", "success", t0, t0);
    DagFixtures.run(api.db(), "etl_daily", "r2", "success", t0, t0);
    DagFixtures.run(api.db(), "etl_daily", "r3", "failed", t0, t0);
    DagFixtures.run(api.db(), "reports", "r1", "running", t0, null);
    JsonNode stats = api.call(200, "GET", "/api/v2/dagStats", api.viewer(), null);
    assertThat(stats.path("total_entries").asInt()).isEqualTo(2);
    JsonNode daily = stats.path("dags").get(0);
    assertThat(daily.path("dag_id").asText()).isEqualTo("etl_daily");
    assertThat(daily.path("stats").size()).isEqualTo(4);
    assertThat(count(daily, "success")).isEqualTo(2);
    assertThat(count(daily, "failed")).isEqualTo(1);
    assertThat(count(daily, "queued")).isZero();
    JsonNode one = api.call(200, "GET", "/api/v2/dagStats?dag_ids=reports", api.viewer(), null);
    assertThat(one.path("dags").size()).isEqualTo(1);
    assertThat(count(one.path("dags").get(0), "running")).isEqualTo(1);
    JsonNode none =
        api.call(200, "GET", "/api/v2/dagStats?dag_ids=%27%20OR%201%3D1%20--", api.viewer(), null);
    assertThat(none.path("total_entries").asInt()).isZero();
    api.call(401, "GET", "/api/v2/dagStats", null, null);
  }

  private static int count(JsonNode dag, String state) {
    for (JsonNode stat : dag.path("stats")) {
      if (stat.path("state").asText().equals(state)) {
        return stat.path("count").asInt();
      }
    }
    throw new AssertionError("no " + state + " in " + dag);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void keepsOneVersionPerDistinctSerializedDag(Dialect dialect) throws Exception {
    start(dialect);
    String versions = "/api/v2/dags/etl_daily/dagVersions";
    JsonNode first = api.call(200, "GET", versions, api.viewer(), null);
    assertThat(first.path("total_entries").asInt()).isEqualTo(1);
    assertThat(first.path("dag_versions").get(0).path("bundle_name").asText())
        .isEqualTo("dags-folder");

    // The same DAG again adds nothing; a changed one is version 2.
    DagSync sync = new DagSync(api.db(), false);
    Path jar = home.resolve("dags.jar");
    sync.sync(
        List.of(
            new LoadedDag(
                DagCompiler.compile(DagFixtures.etlDaily().build()), jar.toString(), "t")),
        List.of());
    assertThat(api.call(200, "GET", versions, api.viewer(), null).path("total_entries").asInt())
        .isEqualTo(1);
    sync.sync(
        List.of(
            new LoadedDag(
                DagCompiler.compile(DagFixtures.etlDaily().description("changed").build()),
                jar.toString(),
                "t")),
        List.of());
    JsonNode listed =
        api.call(200, "GET", versions + "?order_by=-version_number", api.viewer(), null);
    assertThat(listed.path("total_entries").asInt()).isEqualTo(2);
    assertThat(listed.path("dag_versions").get(0).path("version_number").asInt()).isEqualTo(2);
    JsonNode byId = api.call(200, "GET", versions, api.viewer(), null);
    assertThat(byId.path("dag_versions").get(0).path("version_number").asInt()).isEqualTo(1);
    JsonNode filtered = api.call(200, "GET", versions + "?version_number=2", api.viewer(), null);
    assertThat(filtered.path("total_entries").asInt()).isEqualTo(1);
    assertThat(
            api.call(200, "GET", versions + "?bundle_name=other", api.viewer(), null)
                .path("total_entries")
                .asInt())
        .isZero();
    JsonNode everyDag = api.call(200, "GET", "/api/v2/dags/~/dagVersions", api.viewer(), null);
    assertThat(everyDag.path("total_entries").asInt()).isEqualTo(4);

    JsonNode two = api.call(200, "GET", versions + "/2", api.viewer(), null);
    assertThat(two.path("id").asText())
        .isEqualTo(listed.path("dag_versions").get(0).path("id").asText());
    JsonNode details = api.call(200, "GET", "/api/v2/dags/etl_daily/details", api.viewer(), null);
    assertThat(details.path("latest_dag_version").path("version_number").asInt()).isEqualTo(2);
    assertThat(details.path("description").asText()).isEqualTo("changed");

    JsonNode missing = api.call(404, "GET", versions + "/9", api.viewer(), null);
    assertThat(missing.path("detail").asText())
        .isEqualTo("The DagVersion with dag_id: `etl_daily` and version_number: `9` was not found");
    api.call(422, "GET", versions + "/two", api.viewer(), null);
    JsonNode noDag = api.call(404, "GET", "/api/v2/dags/nope/dagVersions", api.viewer(), null);
    assertThat(noDag.path("detail").asText()).isEqualTo("The Dag with ID: `nope` was not found");
    var badOrder = api.send("GET", versions + "?order_by=hash", api.viewer(), null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    api.call(401, "GET", versions, null, null);
  }
}
