package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code clearTaskInstances} and a run's {@code clear}: dry runs, real clears, errors. */
class ClearTaskInstancesApiContractTest {
  private static final String CLEAR = "/api/v2/dags/flow/clearTaskInstances";
  private static final String RUN_CLEAR = "/api/v2/dags/flow/dagRuns/r1/clear";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private DagRunRepository startWithFailedRun(Dialect dialect) throws Exception {
    DagBuilder dag = Dag.builder("flow");
    dag.task("ok", () -> "fine")
        .then(
            dag.task(
                "boom",
                () -> {
                  throw new IllegalStateException("always fails");
                }));
    api = ApiTestServer.withDags(dialect, home, dag);
    DagRunRepository runs = new DagRunRepository(api.db());
    runs.create(NewDagRun.manualAt("flow", "r1", Instant.parse("2025-01-01T00:00:00Z"), "test"));
    api.runUntilIdle();
    assertThat(runs.find("flow", "r1").orElseThrow().state()).isEqualTo(DagRunState.FAILED);
    return runs;
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void clearsFailedInstancesAfterADryRun(Dialect dialect) throws Exception {
    DagRunRepository runs = startWithFailedRun(dialect);
    String user = api.user();
    api.call(403, "POST", CLEAR, api.viewer(), "{}");
    JsonNode dry = api.call(200, "POST", CLEAR, user, "{}");
    assertThat(dry.path("total_entries").asInt()).isEqualTo(1);
    assertThat(dry.at("/task_instances/0/task_id").asText()).isEqualTo("boom");
    assertThat(runs.find("flow", "r1").orElseThrow().state()).isEqualTo(DagRunState.FAILED);

    JsonNode cleared =
        api.call(
            200,
            "POST",
            CLEAR,
            user,
            "{\"dry_run\": false, \"task_ids\": [\"boom\"], \"dag_run_id\": \"r1\"}");
    assertThat(cleared.path("total_entries").asInt()).isEqualTo(1);
    assertThat(cleared.at("/task_instances/0/state").isNull()).as("cleared: no state").isTrue();
    assertThat(runs.find("flow", "r1").orElseThrow().state()).isEqualTo(DagRunState.QUEUED);
    // The cleared instance runs again as try 2; both tries are kept.
    api.runUntilIdle();
    JsonNode tries =
        api.call(
            200,
            "GET",
            "/api/v2/dags/flow/dagRuns/r1/taskInstances/boom/tries",
            api.viewer(),
            null);
    assertThat(tries.path("task_instances").findValuesAsText("try_number"))
        .containsExactly("1", "2");
    assertThat(tries.path("task_instances").findValuesAsText("state"))
        .containsExactly("failed", "failed");

    assertThat(
            api.call(404, "POST", "/api/v2/dags/nope/clearTaskInstances", user, "{}")
                .path("detail")
                .asText())
        .isEqualTo("The Dag with ID: `nope` was not found");
    assertThat(
            api.call(404, "POST", CLEAR, user, "{\"dag_run_id\": \"r9\"}").path("detail").asText())
        .isEqualTo("Dag Run id r9 not found in dag flow");
    // Airflow answers 400 here though its spec lists no 400: checked by hand.
    var pastWithRun =
        api.send("POST", CLEAR, user, "{\"dag_run_id\": \"r1\", \"include_past\": true}");
    assertThat(pastWithRun.statusCode()).isEqualTo(400);
    assertThat(pastWithRun.body()).contains("Cannot use include_past or include_future");
    api.call(422, "POST", CLEAR, user, "{\"dry_run\": \"maybe\"}");
    api.call(422, "POST", CLEAR, user, "{\"surprise\": 1}");
    api.call(422, "POST", CLEAR, user, "[1]");
    assertThat(new EventLogRepository(api.db()).list(50))
        .extracting(EventLogRecord::event, EventLogRecord::owner, EventLogRecord::dagId)
        .contains(org.assertj.core.groups.Tuple.tuple("post_clear_task_instances", "ulla", "flow"));
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void clearsADagRunAndAnswersTheQueuedRun(Dialect dialect) throws Exception {
    DagRunRepository runs = startWithFailedRun(dialect);
    String user = api.user();
    JsonNode dry = api.call(200, "POST", RUN_CLEAR, user, "{}");
    assertThat(dry.path("total_entries").asInt()).isEqualTo(2);
    JsonNode onlyFailed = api.call(200, "POST", RUN_CLEAR, user, "{\"only_failed\": true}");
    assertThat(onlyFailed.path("total_entries").asInt()).isEqualTo(1);
    assertThat(runs.find("flow", "r1").orElseThrow().state()).isEqualTo(DagRunState.FAILED);

    JsonNode run = api.call(200, "POST", RUN_CLEAR, user, "{\"dry_run\": false}");
    assertThat(run.path("dag_run_id").asText()).isEqualTo("r1");
    assertThat(run.path("state").asText()).isEqualTo("queued");
    assertThat(
            api.call(404, "POST", "/api/v2/dags/flow/dagRuns/r9/clear", user, "{}")
                .path("detail")
                .asText())
        .isEqualTo("The DagRun with dag_id: `flow` and run_id: `r9` was not found");
    api.call(422, "POST", RUN_CLEAR, user, "{\"task_ids\": [\"ok\"]}");
    assertThat(new EventLogRepository(api.db()).list(50))
        .extracting(EventLogRecord::event, EventLogRecord::runId)
        .contains(org.assertj.core.groups.Tuple.tuple("clear_dag_run", "r1"));
  }
}
