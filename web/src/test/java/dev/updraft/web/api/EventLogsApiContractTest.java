package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.EventLogRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /api/v2/eventLogs} on a real server and database, every response checked by the spec. */
class EventLogsApiContractTest {
  private static final String LOGS = "/api/v2/eventLogs";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path home;
  @AutoClose private ApiTestServer api;
  private final List<Long> ids = new ArrayList<>();

  /** Four events an hour apart: two on dag "etl" by otto, one on "report", one system event. */
  private void start(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    record(0, "trigger", "etl", null, "manual__1", "otto");
    record(1, "cli_task_run", "etl", "extract", "manual__1", "otto");
    record(2, "paused", "report", null, null, "ulla");
    record(3, "scheduler_started", null, null, null, null);
  }

  private void record(int hour, String event, String dag, String task, String run, String owner) {
    Clock at = Clock.fixed(T0.plusSeconds(3600L * hour), ZoneOffset.UTC);
    ids.add(new EventLogRepository(api.db(), at).record(event, dag, task, run, owner, "{}"));
  }

  private JsonNode list(String query) throws Exception {
    return api.call(200, "GET", LOGS + query, api.viewer(), null);
  }

  private static List<String> events(JsonNode page) {
    return page.path("event_logs").findValuesAsText("event");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsWithExactTotalsPagesAndOrder(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode all = list("");
    assertThat(all.path("total_entries").asLong()).isEqualTo(4);
    assertThat(events(all))
        .containsExactly("trigger", "cli_task_run", "paused", "scheduler_started");
    JsonNode first = all.path("event_logs").get(0);
    assertThat(first.path("event_log_id").asLong()).isEqualTo(ids.get(0));
    assertThat(Instant.parse(first.path("when").asText())).isEqualTo(T0);
    assertThat(first.path("owner").asText()).isEqualTo("otto");
    assertThat(first.path("run_id").asText()).isEqualTo("manual__1");
    assertThat(first.path("extra").asText()).isEqualTo("{}");

    JsonNode page = list("?order_by=-when&limit=2&offset=1");
    assertThat(page.path("total_entries").asLong()).isEqualTo(4);
    assertThat(events(page)).containsExactly("paused", "cli_task_run");
    assertThat(events(list("?order_by=event"))).startsWith("cli_task_run", "paused");
    assertThat(events(list("?order_by=-event_log_id&limit=1")))
        .containsExactly("scheduler_started");

    // Airflow answers 400 here though its spec declares no 400 for this route: checked directly.
    var bad = api.send("GET", LOGS + "?order_by=secret", api.viewer(), null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(ApiTestServer.JSON.readTree(bad.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'secret' is disallowed or the attribute does not exist on the model");
    api.call(422, "GET", LOGS + "?limit=-1", api.viewer(), null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void filtersAsAirflow(Dialect dialect) throws Exception {
    start(dialect);
    assertThat(events(list("?dag_id=etl"))).containsExactly("trigger", "cli_task_run");
    assertThat(list("?dag_id=etl").path("total_entries").asLong()).isEqualTo(2);
    assertThat(events(list("?task_id=extract"))).containsExactly("cli_task_run");
    assertThat(events(list("?run_id=manual__1&owner=otto"))).hasSize(2);
    assertThat(events(list("?event=paused"))).containsExactly("paused");
    assertThat(events(list("?excluded_events=trigger,paused")))
        .containsExactly("cli_task_run", "scheduler_started");
    assertThat(events(list("?included_events=trigger&included_events=paused")))
        .containsExactly("trigger", "paused");
    String after = URLEncoder.encode("2026-01-01T00:30:00+00:00", StandardCharsets.UTF_8);
    String before = URLEncoder.encode("2026-01-01T02:00:00Z", StandardCharsets.UTF_8);
    assertThat(events(list("?after=" + after + "&before=" + before)))
        .containsExactly("cli_task_run");
    assertThat(events(list("?dag_id_pattern=ET%7Crep"))).hasSize(3);
    assertThat(events(list("?owner_pattern=ULL"))).containsExactly("paused");
    assertThat(events(list("?event_pattern=task_"))).containsExactly("cli_task_run");
    assertThat(events(list("?task_id_pattern=xtr&run_id_pattern=manual"))).hasSize(1);
    assertThat(list("?try_number=3").path("total_entries").asLong()).isZero();
    assertThat(list("?map_index=-1").path("total_entries").asLong()).isZero();

    String injection = URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8);
    for (String filter : List.of("dag_id", "owner", "event", "dag_id_pattern", "excluded_events")) {
      JsonNode result = list("?" + filter + "=" + injection);
      long expected = filter.equals("excluded_events") ? 4 : 0;
      assertThat(result.path("total_entries").asLong()).as(filter).isEqualTo(expected);
    }
    assertThat(list("").path("total_entries").asLong()).isEqualTo(4);

    String viewer = api.viewer();
    JsonNode notInt = api.call(422, "GET", LOGS + "?try_number=x", viewer, null);
    assertThat(notInt.at("/detail/0/loc").toString()).isEqualTo("[\"query\",\"try_number\"]");
    api.call(422, "GET", LOGS + "?before=yesterday", viewer, null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void readsOneAndAnswersAirflows404(Dialect dialect) throws Exception {
    start(dialect);
    String viewer = api.viewer();
    JsonNode one = api.call(200, "GET", LOGS + "/" + ids.get(1), viewer, null);
    assertThat(one.path("event").asText()).isEqualTo("cli_task_run");
    assertThat(one.path("task_id").asText()).isEqualTo("extract");
    // Neither the DAG nor the task instance exists: no display names.
    assertThat(one.path("dag_display_name").isNull()).isTrue();
    assertThat(one.path("task_display_name").isNull()).isTrue();

    JsonNode missing = api.call(404, "GET", LOGS + "/987654", viewer, null);
    assertThat(missing.path("detail").asText())
        .isEqualTo("The Event Log with id: `987654` not found");
    JsonNode notInt = api.call(422, "GET", LOGS + "/abc", viewer, null);
    assertThat(notInt.at("/detail/0/type").asText()).isEqualTo("int_parsing");
    JsonNode anonymous = api.call(401, "GET", LOGS, null, null);
    assertThat(anonymous.path("detail").asText()).isEqualTo("Not authenticated");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void showsTheChangesMadeThroughTheApi(Dialect dialect) throws Exception {
    start(dialect);
    api.call(201, "POST", "/api/v2/pools", api.op(), "{\"name\": \"etl\", \"slots\": 2}");
    JsonNode posted = list("?event=post_pool");
    assertThat(posted.path("total_entries").asLong()).isEqualTo(1);
    assertThat(posted.at("/event_logs/0/owner").asText()).isEqualTo("otto");
    assertThat(posted.at("/event_logs/0/extra").asText()).contains("etl");
  }
}
