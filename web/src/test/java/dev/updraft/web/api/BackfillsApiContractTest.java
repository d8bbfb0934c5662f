package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/backfills} on a real server and database: every response is checked against the
 * OpenAPI document the server serves, and the runs a backfill makes through the run list.
 */
class BackfillsApiContractTest {
  private static final String BACKFILLS = "/api/v2/backfills";
  private static final String RANGE =
      "\"from_date\": \"2024-01-01T00:00:00Z\", \"to_date\": \"2024-01-03T00:00:00Z\"";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    DagBuilder daily = Dag.builder("daily").schedule("@daily").startDate("2024-01-01");
    daily.empty("noop");
    DagBuilder manual = Dag.builder("manual_only");
    manual.empty("noop");
    api = ApiTestServer.withDags(dialect, home, daily, manual);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void dryRunCreatePauseUnpauseAndCancel(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode dry =
        api.call(
            200,
            "POST",
            BACKFILLS + "/dry_run",
            api.user(),
            "{\"dag_id\": \"daily\", " + RANGE + "}");
    assertThat(dry.path("total_entries").asInt()).isEqualTo(3);
    assertThat(dry.at("/backfills/0/logical_date").asText()).isEqualTo("2024-01-01T00:00:00Z");

    JsonNode created =
        api.call(
            200,
            "POST",
            BACKFILLS,
            api.user(),
            "{\"dag_id\": \"daily\", "
                + RANGE
                + ", \"max_active_runs\": 2,"
                + " \"dag_run_conf\": {\"k\": 1}, \"run_backwards\": true}");
    long id = created.path("id").asLong();
    assertThat(created.path("dag_id").asText()).isEqualTo("daily");
    assertThat(created.path("is_paused").asBoolean()).isFalse();
    assertThat(created.path("reprocess_behavior").asText()).isEqualTo("none");
    assertThat(created.path("max_active_runs").asInt()).isEqualTo(2);
    assertThat(created.path("dag_run_conf").path("k").asInt()).isEqualTo(1);
    assertThat(created.path("completed_at").isNull()).isTrue();
    JsonNode runs =
        api.call(200, "GET", "/api/v2/dags/daily/dagRuns?run_type=backfill", api.viewer(), null);
    assertThat(runs.path("total_entries").asInt()).isEqualTo(3);
    assertThat(runs.at("/dag_runs/0/triggered_by").asText()).isEqualTo("backfill");

    JsonNode again =
        api.call(409, "POST", BACKFILLS, api.user(), "{\"dag_id\": \"daily\", " + RANGE + "}");
    assertThat(again.path("detail").asText())
        .isEqualTo("There is already a running backfill for dag daily");

    JsonNode listed = api.call(200, "GET", BACKFILLS + "?dag_id=daily", api.viewer(), null);
    assertThat(listed.path("total_entries").asInt()).isEqualTo(1);
    assertThat(listed.at("/backfills/0/id").asLong()).isEqualTo(id);
    JsonNode otherDag = api.call(200, "GET", BACKFILLS + "?dag_id=manual_only", api.viewer(), null);
    assertThat(otherDag.path("total_entries").asInt()).isZero();
    JsonNode noDag = api.call(422, "GET", BACKFILLS, api.viewer(), null);
    assertThat(noDag.at("/detail/0/loc/1").asText()).isEqualTo("dag_id");
    assertThat(api.call(200, "GET", BACKFILLS + "/" + id, api.viewer(), null)).isEqualTo(created);

    JsonNode paused = api.call(200, "PUT", BACKFILLS + "/" + id + "/pause", api.user(), null);
    assertThat(paused.path("is_paused").asBoolean()).isTrue();
    JsonNode unpaused = api.call(200, "PUT", BACKFILLS + "/" + id + "/unpause", api.user(), null);
    assertThat(unpaused.path("is_paused").asBoolean()).isFalse();
    JsonNode cancelled = api.call(200, "PUT", BACKFILLS + "/" + id + "/cancel", api.user(), null);
    assertThat(cancelled.path("is_paused").asBoolean()).isTrue();
    assertThat(cancelled.path("completed_at").isTextual()).isTrue();
    JsonNode failed =
        api.call(200, "GET", "/api/v2/dags/daily/dagRuns?state=failed", api.viewer(), null);
    assertThat(failed.path("total_entries").asInt()).isEqualTo(3);

    JsonNode done = api.call(409, "PUT", BACKFILLS + "/" + id + "/pause", api.user(), null);
    assertThat(done.path("detail").asText()).isEqualTo("Backfill is already completed.");
    api.call(409, "PUT", BACKFILLS + "/" + id + "/cancel", api.user(), null);

    List<String> events = new ArrayList<>();
    for (EventLogRecord e : new EventLogRepository(api.db()).list(50)) {
      if ("ulla".equals(e.owner())) {
        events.add(e.event());
      }
    }
    assertThat(events)
        .contains("create_backfill", "pause_backfill", "unpause_backfill", "cancel_backfill");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void aBackfillWhoseRunsEndedIsCompleteAndMakesRoomForTheNext(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode first =
        api.call(200, "POST", BACKFILLS, api.user(), "{\"dag_id\": \"daily\", " + RANGE + "}");
    String path = BACKFILLS + "/" + first.path("id").asLong();
    api.runUntilIdle();
    JsonNode succeeded =
        api.call(200, "GET", "/api/v2/dags/daily/dagRuns?state=success", api.viewer(), null);
    assertThat(succeeded.path("total_entries").asInt()).isEqualTo(3);

    JsonNode done = api.call(200, "GET", path, api.viewer(), null);
    assertThat(done.path("completed_at").isTextual()).isTrue();
    api.call(409, "PUT", path + "/pause", api.user(), null);

    // Everything already ran: reprocessing the completed runs makes a new backfill of them.
    JsonNode second =
        api.call(
            200,
            "POST",
            BACKFILLS,
            api.user(),
            "{\"dag_id\": \"daily\", " + RANGE + ", \"reprocess_behavior\": \"completed\"}");
    assertThat(second.path("reprocess_behavior").asText()).isEqualTo("completed");
    JsonNode queued =
        api.call(200, "GET", "/api/v2/dags/daily/dagRuns?state=queued", api.viewer(), null);
    assertThat(queued.path("total_entries").asInt()).isEqualTo(3);
    JsonNode listed =
        api.call(200, "GET", BACKFILLS + "?dag_id=daily&order_by=-id&limit=1", api.viewer(), null);
    assertThat(listed.path("total_entries").asInt()).isEqualTo(2);
    assertThat(listed.at("/backfills/0/id").asLong()).isEqualTo(second.path("id").asLong());
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void refusesWhatAirflowRefuses(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode unknown =
        api.call(404, "POST", BACKFILLS, api.user(), "{\"dag_id\": \"nope\", " + RANGE + "}");
    assertThat(unknown.path("detail").asText()).isEqualTo("Could not find dag nope");
    api.call(
        404, "POST", BACKFILLS + "/dry_run", api.user(), "{\"dag_id\": \"nope\", " + RANGE + "}");
    JsonNode unscheduled =
        api.call(
            422, "POST", BACKFILLS, api.user(), "{\"dag_id\": \"manual_only\", " + RANGE + "}");
    assertThat(unscheduled.at("/detail/0/msg").asText()).contains("non-periodic");
    JsonNode extra =
        api.call(
            422, "POST", BACKFILLS, api.user(), "{\"dag_id\": \"daily\", " + RANGE + ", \"x\": 1}");
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    JsonNode behaviour =
        api.call(
            422,
            "POST",
            BACKFILLS,
            api.user(),
            "{\"dag_id\": \"daily\", " + RANGE + ", \"reprocess_behavior\": \"all\"}");
    assertThat(behaviour.at("/detail/0/type").asText()).isEqualTo("enum");
    JsonNode missing = api.call(422, "POST", BACKFILLS, api.user(), "{\"dag_id\": \"daily\"}");
    assertThat(missing.at("/detail/0/type").asText()).isEqualTo("missing");
    api.call(422, "POST", BACKFILLS, api.user(), "{\"dag_id\": ");
    api.call(403, "POST", BACKFILLS, api.viewer(), "{\"dag_id\": \"daily\", " + RANGE + "}");
    api.call(401, "GET", BACKFILLS + "?dag_id=daily", null, null);

    JsonNode absent = api.call(404, "GET", BACKFILLS + "/999", api.viewer(), null);
    assertThat(absent.path("detail").asText()).isEqualTo("Backfill not found");
    JsonNode absentPause = api.call(404, "PUT", BACKFILLS + "/999/pause", api.user(), null);
    assertThat(absentPause.path("detail").asText())
        .isEqualTo("Could not find backfill with id 999");
    api.call(422, "GET", BACKFILLS + "/abc", api.viewer(), null);
    api.call(422, "GET", BACKFILLS + "/..%2F..%2Fetc", api.viewer(), null);
    JsonNode injection =
        api.call(200, "GET", BACKFILLS + "?dag_id=%27%20OR%201%3D1%20--", api.viewer(), null);
    assertThat(injection.path("total_entries").asInt()).isZero();
    assertThat(
            api.send("GET", BACKFILLS + "?dag_id=daily&order_by=dag_id", api.viewer(), null)
                .statusCode())
        .isEqualTo(400);
  }
}
