package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.ImportErrorRecord;
import dev.updraft.metadata.state.ImportErrorRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/dags} on a real server and database: list filters, paging and order, get and
 * details, pause and unpause (one and many), delete; every response checked against the spec.
 */
class DagsApiContractTest {
  private static final String DAGS = "/api/v2/dags";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    api = ApiTestServer.withDags(dialect, home, DagFixtures.etlAndReports());
  }

  private List<String> ids(String query) throws Exception {
    JsonNode page = api.call(200, "GET", DAGS + query, api.viewer(), null);
    return ApiTestServer.texts(page, "dags", "dag_id");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsDagsWithAirflowsFiltersPagingAndOrder(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode all = api.call(200, "GET", DAGS, api.viewer(), null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    JsonNode daily = all.path("dags").get(0);
    assertThat(daily.path("dag_id").asText()).isEqualTo("etl_daily");
    assertThat(daily.path("owners").get(0).asText()).isEqualTo("alice");
    assertThat(daily.path("tags").findValuesAsText("name")).containsExactly("daily", "etl");
    assertThat(daily.path("bundle_name").asText()).isEqualTo("dags-folder");
    assertThat(daily.path("timetable_summary").asText()).isNotEmpty();

    assertThat(ids("?tags=hourly&tags=daily")).containsExactly("etl_daily", "etl_hourly");
    assertThat(ids("?tags=etl&tags=daily&tags_match_mode=all")).containsExactly("etl_daily");
    assertThat(ids("?owners=BOB")).containsExactly("etl_hourly");
    assertThat(ids("?owners=%25")).isEmpty();
    assertThat(ids("?dag_id_pattern=ETL_")).containsExactly("etl_daily", "etl_hourly");
    assertThat(ids("?dag_id_pattern=report%7Chourly")).containsExactly("etl_hourly", "reports");
    assertThat(ids("?dag_display_name_pattern=daily")).containsExactly("etl_daily");
    assertThat(ids("?order_by=-dag_id")).containsExactly("reports", "etl_hourly", "etl_daily");
    assertThat(ids("?order_by=dag_display_name&limit=1&offset=1")).containsExactly("etl_hourly");
    JsonNode paged = api.call(200, "GET", DAGS + "?limit=1&offset=2", api.viewer(), null);
    assertThat(paged.path("total_entries").asInt()).isEqualTo(3);
    assertThat(paged.path("dags").size()).isEqualTo(1);

    api.call(200, "PATCH", DAGS + "/reports", api.user(), "{\"is_paused\": true}");
    assertThat(ids("?paused=true")).containsExactly("reports");
    assertThat(ids("?paused=false")).containsExactly("etl_daily", "etl_hourly");
    api.db()
        .withHandle(
            h ->
                h.createUpdate("UPDATE dag SET is_stale = TRUE WHERE dag_id = 'reports'")
                    .execute());
    assertThat(ids("")).containsExactly("etl_daily", "etl_hourly");
    assertThat(ids("?exclude_stale=false")).containsExactly("etl_daily", "etl_hourly", "reports");
    assertThat(ids("?bundle_name=dags-folder")).hasSize(2);
    assertThat(ids("?bundle_name=other")).isEmpty();
    assertThat(ids("?has_import_errors=true")).isEmpty();

    // The last run is the latest started one: etl_daily's failed, etl_hourly's succeeded.
    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    DagFixtures.run(api.db(), "etl_daily", "r1", "success", t0, t0.plusSeconds(60));
    DagFixtures.run(api.db(), "etl_daily", "r2", "failed", t0.plusSeconds(3600), null);
    DagFixtures.run(api.db(), "etl_daily", "r3", "queued", null, null);
    DagFixtures.run(api.db(), "etl_hourly", "r1", "success", t0.plusSeconds(7200), null);
    assertThat(ids("?last_dag_run_state=failed")).containsExactly("etl_daily");
    assertThat(ids("?dag_run_state=success&dag_run_state=failed")).hasSize(2);
    assertThat(ids("?dag_run_state=success&last_dag_run_state=failed")).isEmpty();
    assertThat(ids("?dag_run_start_date_gte=2025-03-01T01:30:00Z")).containsExactly("etl_hourly");
    assertThat(ids("?order_by=-last_run_start_date")).containsExactly("etl_hourly", "etl_daily");
    assertThat(ids("?order_by=last_run_state")).containsExactly("etl_daily", "etl_hourly");

    // Airflow answers 400 for an unknown sort key, a status its spec leaves undocumented here.
    var badOrder = api.send("GET", DAGS + "?order_by=owners", api.viewer(), null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(ApiTestServer.JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'owners' is disallowed or the attribute does not exist on the model");
    JsonNode badState = api.call(422, "GET", DAGS + "?last_dag_run_state=done", api.viewer(), null);
    assertThat(badState.path("detail").get(0).path("type").asText()).isEqualTo("enum");
    api.call(422, "GET", DAGS + "?paused=maybe", api.viewer(), null);
    api.call(422, "GET", DAGS + "?limit=-1", api.viewer(), null);
    api.call(422, "GET", DAGS + "?dag_run_start_date_gte=yesterday", api.viewer(), null);
    // SQL-looking input is a value, never SQL.
    assertThat(ids("?dag_id_pattern=%27%20OR%201%3D1%20--")).isEmpty();
    assertThat(ids("?tags=%27%20OR%201%3D1%20--&owners=%27)%20OR%20(1%3D1")).isEmpty();
    api.call(401, "GET", DAGS, null, null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void getsADagAndItsDetails(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode dag = api.call(200, "GET", DAGS + "/etl_daily", api.viewer(), null);
    assertThat(dag.path("dag_id").asText()).isEqualTo("etl_daily");
    assertThat(dag.path("is_paused").asBoolean()).isFalse();
    assertThat(dag.path("description").asText()).isEqualTo("Nightly load");

    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    DagFixtures.run(api.db(), "etl_daily", "r1", "running", t0, null);
    DagFixtures.run(api.db(), "etl_daily", "r2", "queued", null, null);
    DagFixtures.run(api.db(), "etl_daily", "r3", "success", t0, t0);
    JsonNode details = api.call(200, "GET", DAGS + "/etl_daily/details", api.viewer(), null);
    assertThat(details.path("catchup").asBoolean()).isFalse();
    assertThat(details.path("start_date").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(details.path("timezone").asText()).isEqualTo("UTC");
    assertThat(details.path("doc_md").asText()).isEqualTo("# ETL");
    assertThat(details.path("dag_run_timeout").asText()).isEqualTo("PT2H");
    assertThat(details.path("params").path("limit").path("value").asInt()).isEqualTo(10);
    assertThat(details.path("active_runs_count").asInt()).isEqualTo(2);
    assertThat(details.path("concurrency").asInt()).isEqualTo(dag.path("max_active_tasks").asInt());
    assertThat(details.path("latest_dag_version").path("version_number").asInt()).isEqualTo(1);
    assertThat(details.path("latest_dag_version").path("dag_id").asText()).isEqualTo("etl_daily");

    JsonNode missing = api.call(404, "GET", DAGS + "/nope", api.viewer(), null);
    assertThat(missing.path("detail").asText()).isEqualTo("The Dag with ID: `nope` was not found");
    api.call(404, "GET", DAGS + "/nope/details", api.viewer(), null);
    JsonNode traversal = api.call(404, "GET", DAGS + "/..%2F..%2Fetc", api.viewer(), null);
    assertThat(traversal.path("detail").asText()).contains("was not found");
    api.call(401, "GET", DAGS + "/etl_daily", null, null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pausesAndUnpausesOneDag(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode paused =
        api.call(200, "PATCH", DAGS + "/etl_daily", api.user(), "{\"is_paused\": true}");
    assertThat(paused.path("is_paused").asBoolean()).isTrue();
    assertThat(
            api.call(200, "GET", DAGS + "/etl_daily", api.viewer(), null)
                .path("is_paused")
                .asBoolean())
        .isTrue();
    JsonNode unpaused =
        api.call(
            200,
            "PATCH",
            DAGS + "/etl_daily?update_mask=is_paused",
            api.user(),
            "{\"is_paused\": false}");
    assertThat(unpaused.path("is_paused").asBoolean()).isFalse();

    JsonNode mask =
        api.call(
            400,
            "PATCH",
            DAGS + "/etl_daily?update_mask=owners",
            api.user(),
            "{\"is_paused\": true}");
    assertThat(mask.path("detail").asText())
        .isEqualTo("Only `is_paused` field can be updated through the REST API");
    JsonNode missing = api.call(404, "PATCH", DAGS + "/nope", api.user(), "{\"is_paused\": true}");
    assertThat(missing.path("detail").asText()).isEqualTo("Dag with id: nope was not found");
    JsonNode extra =
        api.call(422, "PATCH", DAGS + "/etl_daily", api.user(), "{\"is_paused\": true, \"x\": 1}");
    assertThat(extra.path("detail").get(0).path("type").asText()).isEqualTo("extra_forbidden");
    JsonNode wrongType =
        api.call(422, "PATCH", DAGS + "/etl_daily", api.user(), "{\"is_paused\": \"soon\"}");
    assertThat(wrongType.path("detail").get(0).path("type").asText()).isEqualTo("bool_type");
    JsonNode required = api.call(422, "PATCH", DAGS + "/etl_daily", api.user(), "{}");
    assertThat(required.path("detail").get(0).path("type").asText()).isEqualTo("missing");
    JsonNode malformed =
        api.call(422, "PATCH", DAGS + "/etl_daily", api.user(), "{\"is_paused\": ");
    assertThat(malformed.path("detail").get(0).path("type").asText()).isEqualTo("json_invalid");
    api.call(403, "PATCH", DAGS + "/etl_daily", api.viewer(), "{\"is_paused\": true}");
    api.call(401, "PATCH", DAGS + "/etl_daily", null, "{\"is_paused\": true}");
    assertThat(
            api.call(200, "GET", DAGS + "/etl_daily", api.viewer(), null)
                .path("is_paused")
                .asBoolean())
        .isFalse();

    List<EventLogRecord> events =
        new EventLogRepository(api.db())
            .list(50).stream().filter(e -> e.event().equals("patch_dag")).toList();
    // As Airflow's action_logging: every valid request is logged, refused ones included.
    assertThat(events).extracting(EventLogRecord::dagId).containsOnly("etl_daily", "nope");
    assertThat(events.stream().filter(e -> e.dagId().equals("etl_daily"))).hasSize(3);
    assertThat(events).allSatisfy(e -> assertThat(e.owner()).isEqualTo("ulla"));
    assertThat(events.getLast().extra()).isEqualTo("{\"is_paused\":true}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pausesManyDagsByPattern(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode none = api.call(200, "PATCH", DAGS, api.user(), "{\"is_paused\": true}");
    assertThat(none.path("total_entries").asInt()).isZero();
    assertThat(ids("?paused=true")).isEmpty();

    JsonNode etl =
        api.call(200, "PATCH", DAGS + "?dag_id_pattern=etl", api.user(), "{\"is_paused\": true}");
    assertThat(etl.path("total_entries").asInt()).isEqualTo(2);
    assertThat(etl.path("dags").findValuesAsText("is_paused")).containsOnly("true");
    assertThat(ids("?paused=true")).containsExactly("etl_daily", "etl_hourly");

    JsonNode hourly =
        api.call(
            200,
            "PATCH",
            DAGS + "?dag_id_pattern=~&tags=hourly&update_mask=is_paused",
            api.user(),
            "{\"is_paused\": false}");
    assertThat(hourly.path("dags").get(0).path("dag_id").asText()).isEqualTo("etl_hourly");
    assertThat(hourly.path("dags").size()).isEqualTo(1);
    assertThat(ids("?paused=true")).containsExactly("etl_daily");

    // As Airflow, the page is what changes: limit and offset pick the DAGs, total counts all.
    JsonNode secondOnly =
        api.call(
            200,
            "PATCH",
            DAGS + "?dag_id_pattern=~&limit=1&offset=1",
            api.user(),
            "{\"is_paused\": true}");
    assertThat(secondOnly.path("total_entries").asInt()).isEqualTo(3);
    assertThat(secondOnly.path("dags").size()).isEqualTo(1);
    assertThat(secondOnly.at("/dags/0/dag_id").asText()).isEqualTo("etl_hourly");
    assertThat(ids("?paused=true")).containsExactly("etl_daily", "etl_hourly");

    api.call(
        400,
        "PATCH",
        DAGS + "?dag_id_pattern=~&update_mask=tags",
        api.user(),
        "{\"is_paused\": true}");
    api.call(422, "PATCH", DAGS + "?dag_id_pattern=~", api.user(), "[]");
    api.call(403, "PATCH", DAGS + "?dag_id_pattern=~", api.viewer(), "{\"is_paused\": false}");
    // The refused requests changed nothing.
    assertThat(ids("?paused=true")).containsExactly("etl_daily", "etl_hourly");
    assertThat(
            new EventLogRepository(api.db())
                .list(50).stream()
                    .filter(e -> e.event().equals("patch_dags") && "ulla".equals(e.owner()))
                    .count())
        .isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void deletesADagWithItsRunsUnlessATaskIsRunning(Dialect dialect) throws Exception {
    start(dialect);
    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    DagFixtures.run(api.db(), "etl_daily", "r1", "running", t0, null);
    DagFixtures.taskInstance(api.db(), "etl_daily", "r1", "extract", "running");
    // Airflow's 409 here is missing from its spec, so only its body is checked.
    var busy = api.send("DELETE", DAGS + "/etl_daily", api.user(), null);
    assertThat(busy.statusCode()).isEqualTo(409);
    assertThat(ApiTestServer.JSON.readTree(busy.body()).path("detail").asText())
        .isEqualTo("Task instances of dag with id: 'etl_daily' are still running");

    api.db()
        .withHandle(h -> h.createUpdate("UPDATE task_instance SET state = 'success'").execute());
    ImportErrorRepository importErrors = new ImportErrorRepository(api.db());
    importErrors.replaceFor(home.resolve("dags.jar").toString(), "dags-folder", "stale error");
    importErrors.replaceFor("/elsewhere.jar", "dags-folder", "other error");
    api.call(403, "DELETE", DAGS + "/etl_daily", api.viewer(), null);
    // Airflow answers 204 No Content here, though its spec documents 200.
    var deleted = api.send("DELETE", DAGS + "/etl_daily", api.user(), null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    api.call(404, "GET", DAGS + "/etl_daily", api.viewer(), null);
    assertThat(new DagRunRepository(api.db()).list("etl_daily")).isEmpty();
    long instances =
        api.db()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM task_instance WHERE dag_id = 'etl_daily'")
                        .mapTo(Long.class)
                        .one());
    assertThat(instances).isZero();
    assertThat(ids("")).containsExactly("etl_hourly", "reports");
    // As Airflow, the errors of the DAG's file go with it; other files' stay.
    assertThat(importErrors.list())
        .extracting(ImportErrorRecord::filename)
        .containsExactly("/elsewhere.jar");

    JsonNode missing = api.call(404, "DELETE", DAGS + "/etl_daily", api.user(), null);
    assertThat(missing.path("detail").asText()).isEqualTo("Dag with id: etl_daily was not found");
    List<EventLogRecord> events =
        new EventLogRepository(api.db())
            .list(50).stream().filter(e -> e.event().equals("delete_dag")).toList();
    assertThat(events).hasSize(3);
    assertThat(events).allSatisfy(e -> assertThat(e.dagId()).isEqualTo("etl_daily"));
    assertThat(events).allSatisfy(e -> assertThat(e.owner()).isEqualTo("ulla"));
  }
}
