package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code …/taskInstances}: list, batch, one, tries, dependencies and patch, against the spec. */
class TaskInstancesApiContractTest {
  private static final String TIS = "/api/v2/dags/etl/dagRuns/r1/taskInstances";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void startWithFinishedRun(Dialect dialect) throws Exception {
    DagBuilder dag = Dag.builder("etl");
    dag.task("extract", () -> "rows").then(dag.empty("load"));
    api = ApiTestServer.withDags(dialect, home, dag);
    new DagRunRepository(api.db())
        .create(NewDagRun.manualAt("etl", "r1", Instant.parse("2025-01-01T00:00:00Z"), "test"));
    api.runUntilIdle();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsFiltersAndPagesTaskInstances(Dialect dialect) throws Exception {
    startWithFinishedRun(dialect);
    String viewer = api.viewer();
    JsonNode all = api.call(200, "GET", TIS, viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(2);
    assertThat(all.path("task_instances").findValuesAsText("state")).containsOnly("success");
    JsonNode wildcard =
        api.call(200, "GET", "/api/v2/dags/~/dagRuns/~/taskInstances", viewer, null);
    assertThat(wildcard.path("total_entries").asInt()).isEqualTo(2);
    JsonNode paged =
        api.call(200, "GET", TIS + "?limit=1&offset=1&order_by=-start_date", viewer, null);
    assertThat(paged.path("task_instances").size()).isEqualTo(1);
    assertThat(paged.path("total_entries").asInt()).isEqualTo(2);
    assertThat(
            api.call(200, "GET", TIS + "?task_display_name_pattern=extr", viewer, null)
                .path("total_entries")
                .asInt())
        .isEqualTo(1);
    assertThat(
            api.call(
                    200,
                    "GET",
                    "/api/v2/dags/~/dagRuns/~/taskInstances?dag_id_pattern=ET&run_id_pattern=r%25"
                        + "&pool_name_pattern=default&queue_name_pattern=def"
                        + "&operator_name_pattern=nothing%7Cempty",
                    viewer,
                    null)
                .path("total_entries")
                .asInt())
        .as("patterns are case-insensitive and | means or")
        .isEqualTo(1);
    assertThat(
            api.call(200, "GET", TIS + "?state=no_status&state=failed", viewer, null)
                .path("total_entries")
                .asInt())
        .isZero();
    assertThat(
            api.call(200, "GET", TIS + "?task_id=" + q("' OR 1=1 --"), viewer, null)
                .path("total_entries")
                .asInt())
        .isZero();
    assertThat(
            api.call(200, "GET", TIS + "?duration_gte=0&start_date_gte=2000-01-01", viewer, null)
                .path("total_entries")
                .asInt())
        .isEqualTo(2);
    // Airflow answers a bad state with a string detail (not the spec's list): check by hand.
    var badState = api.send("GET", TIS + "?state=bogus", viewer, null);
    assertThat(badState.statusCode()).isEqualTo(422);
    assertThat(badState.body()).contains("Invalid value for state. Valid values are removed");
    api.call(422, "GET", TIS + "?duration_gte=abc", viewer, null);
    JsonNode badOrder = api.call(400, "GET", TIS + "?order_by=password", viewer, null);
    assertThat(badOrder.path("detail").asText()).contains("'password' is disallowed");
    assertThat(
            api.call(404, "GET", "/api/v2/dags/nope/dagRuns/r1/taskInstances", viewer, null)
                .path("detail")
                .asText())
        .isEqualTo("The Dag with ID: `nope` was not found");
    assertThat(
            api.call(404, "GET", "/api/v2/dags/etl/dagRuns/r9/taskInstances", viewer, null)
                .path("detail")
                .asText())
        .isEqualTo("DagRun with run_id: `r9` was not found");
    api.call(401, "GET", TIS, null, null);

    JsonNode batch =
        api.call(
            200,
            "POST",
            "/api/v2/dags/~/dagRuns/~/taskInstances/list",
            viewer,
            "{\"dag_ids\": [\"etl\"], \"task_ids\": [\"load\"], \"order_by\": \"-id\"}");
    assertThat(batch.path("total_entries").asInt()).isEqualTo(1);
    api.call(422, "POST", "/api/v2/dags/~/dagRuns/~/taskInstances/list", viewer, "{\"bogus\": 1}");
    api.call(422, "POST", "/api/v2/dags/~/dagRuns/~/taskInstances/list", viewer, "{not json");
    api.call(422, "POST", "/api/v2/dags/etl/dagRuns/~/taskInstances/list", viewer, "{}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void readsOneInstanceItsTriesAndDependencies(Dialect dialect) throws Exception {
    startWithFinishedRun(dialect);
    String viewer = api.viewer();
    JsonNode one = api.call(200, "GET", TIS + "/extract", viewer, null);
    assertThat(one.path("task_id").asText()).isEqualTo("extract");
    assertThat(one.path("state").asText()).isEqualTo("success");
    assertThat(one.path("try_number").asInt()).isEqualTo(1);
    assertThat(one.path("dag_display_name").asText()).isEqualTo("etl");
    assertThat(one.path("executor_config").isTextual()).isTrue();
    assertThat(api.call(404, "GET", TIS + "/nope", viewer, null).path("detail").asText())
        .isEqualTo(
            "The Task Instance with dag_id: `etl`, run_id: `r1` and task_id: `nope` was not found");
    api.call(404, "GET", TIS + "/..%2F..%2Fetc", viewer, null);

    JsonNode tries = api.call(200, "GET", TIS + "/extract/tries", viewer, null);
    assertThat(tries.path("total_entries").asInt()).isEqualTo(1);
    assertThat(tries.path("task_instances").get(0).path("try_number").asInt()).isEqualTo(1);
    api.call(200, "GET", TIS + "/extract/tries/1", viewer, null);
    api.call(404, "GET", TIS + "/extract/tries/7", viewer, null);
    api.call(404, "GET", TIS + "/nope/tries", viewer, null);

    JsonNode deps = api.call(200, "GET", TIS + "/load/dependencies", viewer, null);
    assertThat(deps.path("dependencies").size())
        .as("a finished instance waits for nothing")
        .isZero();

    // A second run, queued with its instances created but nothing run: "load" waits on its run
    // and on "extract".
    new DagRunRepository(api.db())
        .create(NewDagRun.manualAt("etl", "r2", Instant.parse("2025-01-02T00:00:00Z"), "test"));
    new TaskInstanceRepository(api.db())
        .createForRun(
            List.of(
                TaskInstanceRecord.newInstance("etl", "r2", "extract"),
                TaskInstanceRecord.newInstance("etl", "r2", "load")));
    JsonNode waiting =
        api.call(
            200,
            "GET",
            "/api/v2/dags/etl/dagRuns/r2/taskInstances/load/dependencies",
            viewer,
            null);
    assertThat(waiting.path("dependencies").findValuesAsText("name"))
        .containsExactly("Dag Run State", "Trigger Rule");
    assertThat(waiting.at("/dependencies/1/reason").asText()).contains("[extract]");
    assertThat(
            api.call(
                    200,
                    "GET",
                    "/api/v2/dags/~/dagRuns/~/taskInstances?state=no_status",
                    viewer,
                    null)
                .path("total_entries")
                .asInt())
        .isEqualTo(2);
    JsonNode unstarted =
        api.call(200, "GET", "/api/v2/dags/etl/dagRuns/r2/taskInstances/load", viewer, null);
    assertThat(unstarted.get("state").isNull()).as("no state yet: null, as Airflow").isTrue();
    api.call(404, "GET", TIS + "/nope/dependencies", viewer, null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void patchesStateAndNoteWithDryRunFirst(Dialect dialect) throws Exception {
    startWithFinishedRun(dialect);
    String user = api.user();
    api.call(403, "PATCH", TIS + "/extract", api.viewer(), "{\"new_state\": \"failed\"}");
    JsonNode dry =
        api.call(
            200,
            "PATCH",
            TIS + "/extract/dry_run",
            user,
            "{\"new_state\": \"failed\", \"include_downstream\": true}");
    assertThat(dry.path("total_entries").asInt()).isEqualTo(2);
    assertThat(api.call(200, "GET", TIS + "/extract", user, null).path("state").asText())
        .isEqualTo("success");

    JsonNode patched =
        api.call(200, "PATCH", TIS + "/extract", user, "{\"new_state\": \"failed\"}");
    assertThat(patched.path("task_instances").get(0).path("state").asText()).isEqualTo("failed");
    JsonNode again = api.call(409, "PATCH", TIS + "/extract", user, "{\"new_state\": \"failed\"}");
    assertThat(again.path("detail").asText())
        .isEqualTo("Task id extract is already in failed state");
    JsonNode noted =
        api.call(
            200,
            "PATCH",
            TIS + "/load?update_mask=note",
            user,
            "{\"note\": \"checked\", \"new_state\": \"skipped\"}");
    assertThat(noted.path("task_instances").get(0).path("note").asText()).isEqualTo("checked");
    assertThat(noted.path("task_instances").get(0).path("state").asText()).isEqualTo("success");
    JsonNode running =
        api.call(422, "PATCH", TIS + "/extract", user, "{\"new_state\": \"running\"}");
    assertThat(running.at("/detail/0/msg").asText())
        .isEqualTo("Value error, 'running' is not one of ['success', 'failed', 'skipped']");
    api.call(422, "PATCH", TIS + "/extract", user, "{\"colour\": \"red\"}");
    api.call(422, "PATCH", TIS + "/extract", user, "{\"note\": 5}");
    assertThat(
            api.call(404, "PATCH", TIS + "/nope", user, "{\"note\": \"x\"}")
                .path("detail")
                .asText())
        .isEqualTo("Task 'nope' not found in DAG 'etl'");

    assertThat(new EventLogRepository(api.db()).list(50))
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("patch_task_instance");
              assertThat(e.owner()).isEqualTo("ulla");
              assertThat(e.dagId()).isEqualTo("etl");
              assertThat(e.taskId()).isEqualTo("extract");
            });
    assertThat(new EventLogRepository(api.db()).list(50).stream().map(EventLogRecord::runId))
        .contains("r1");
  }
}
