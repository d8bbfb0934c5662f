package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.Param;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/dags/{dag_id}/dagRuns} on a real server, database and scheduling loop: every
 * response is checked against the OpenAPI document the server serves, and the values against what
 * was sent and what the loop did.
 */
class DagRunsApiContractTest {
  private static final String RUNS = "/api/v2/dags/hello/dagRuns";
  private static final Set<String> RUN_STATES = Set.of("queued", "running", "success", "failed");

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    DagBuilder hello = Dag.builder("hello").param("n", Param.of(1, "integer"));
    hello.task("answer", () -> 42);
    DagBuilder other = Dag.builder("other");
    other.empty("noop");
    DagBuilder failing = Dag.builder("failing");
    failing.bash("boom", "exit 1");
    failing.empty("after");
    api = ApiTestServer.withDags(dialect, home, hello, other, failing);
  }

  private JsonNode trigger(String dagId, String body) throws Exception {
    return api.call(200, "POST", "/api/v2/dags/" + dagId + "/dagRuns", api.user(), body);
  }

  private List<String> events(String event) {
    return new EventLogRepository(api.db())
        .list(100).stream()
            .filter(e -> e.event().equals(event))
            .map(e -> e.owner() + ":" + e.dagId() + ":" + e.runId())
            .toList();
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void triggeredRunIsRunByTheLoopAndWaitStreamsItsStates(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode run =
        trigger(
            "hello",
            "{\"dag_run_id\": \"r1\", \"logical_date\": null, \"conf\": {\"n\": 3},"
                + " \"note\": \"by hand\"}");
    assertThat(run.path("dag_run_id").asText()).isEqualTo("r1");
    assertThat(run.path("state").asText()).isEqualTo("queued");
    assertThat(run.path("run_type").asText()).isEqualTo("manual");
    assertThat(run.path("triggered_by").asText()).isEqualTo("rest_api");
    assertThat(run.path("triggering_user_name").asText()).isEqualTo("ulla");
    assertThat(run.path("conf").path("n").asInt()).isEqualTo(3);
    assertThat(run.path("note").asText()).isEqualTo("by hand");
    assertThat(run.path("logical_date").isNull()).isTrue();
    assertThat(run.path("data_interval_start").isNull()).isTrue();
    // The DAG's version when the run was created (its first parse: version 1).
    assertThat(run.path("dag_versions")).hasSize(1);
    assertThat(run.at("/dag_versions/0/version_number").asInt()).isEqualTo(1);
    assertThat(run.at("/dag_versions/0/dag_id").asText()).isEqualTo("hello");
    assertThat(run.path("dag_display_name").asText()).isEqualTo("hello");
    assertThat(events("trigger_dag_run")).contains("ulla:hello:r1");

    api.runUntilIdle();
    JsonNode done = api.call(200, "GET", RUNS + "/r1", api.viewer(), null);
    assertThat(done.path("state").asText()).isEqualTo("success");
    assertThat(done.path("duration").isNumber()).isTrue();
    assertThat(done.path("start_date").isTextual()).isTrue();
    JsonNode byDuration =
        api.call(
            200,
            "GET",
            RUNS + "?order_by=-duration&duration_gte=0&duration_lt=600",
            api.viewer(),
            null);
    assertThat(byDuration.path("total_entries").asInt()).isEqualTo(1);
    JsonNode tooLong = api.call(200, "GET", RUNS + "?duration_gt=600", api.viewer(), null);
    assertThat(tooLong.path("total_entries").asInt()).isZero();
    JsonNode byConf = api.call(200, "GET", RUNS + "?conf_contains=%22n%22", api.viewer(), null);
    assertThat(byConf.path("total_entries").asInt()).isEqualTo(1);
    JsonNode notInConf = api.call(200, "GET", RUNS + "?conf_contains=zzz", api.viewer(), null);
    assertThat(notInConf.path("total_entries").asInt()).isZero();
    api.call(422, "GET", RUNS + "?duration_gte=long", api.viewer(), null);

    List<JsonNode> finished = waitLines(RUNS + "/r1/wait?interval=0.05&result=answer");
    assertThat(finished).hasSize(1);
    assertThat(finished.getFirst().path("state").asText()).isEqualTo("success");
    assertThat(finished.getFirst().path("results").path("answer").asInt()).isEqualTo(42);

    // A run still queued: the stream has a line per poll until the loop finishes it.
    JsonNode second = trigger("hello", "{\"logical_date\": \"2024-03-01T00:00:00Z\"}");
    assertThat(second.path("dag_run_id").asText()).startsWith("manual__");
    assertThat(second.path("logical_date").asText()).isEqualTo("2024-03-01T00:00:00Z");
    assertThat(second.path("data_interval_end").isTextual()).isTrue();
    api.startLoop();
    List<JsonNode> lines =
        waitLines(RUNS + "/" + second.path("dag_run_id").asText() + "/wait?interval=0.02");
    assertThat(lines).isNotEmpty();
    assertThat(lines).allSatisfy(l -> assertThat(RUN_STATES).contains(l.path("state").asText()));
    assertThat(lines.getLast().path("state").asText()).isEqualTo("success");
    assertThat(lines.getLast().has("results")).isFalse();

    JsonNode badInterval = api.call(422, "GET", RUNS + "/r1/wait?interval=0", api.viewer(), null);
    assertThat(badInterval.at("/detail/0/type").asText()).isEqualTo("greater_than");
    api.call(422, "GET", RUNS + "/r1/wait", api.viewer(), null);
    JsonNode missing = api.call(404, "GET", RUNS + "/nope/wait?interval=1", api.viewer(), null);
    assertThat(missing.path("detail").asText())
        .isEqualTo("The DagRun with dag_id: `hello` and run_id: `nope` was not found");
  }

  private List<JsonNode> waitLines(String path) throws Exception {
    HttpResponse<String> response = api.send("GET", path, api.viewer(), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    api.assertConforms("GET", path, response);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (!line.isBlank()) {
        lines.add(ApiTestServer.JSON.readTree(line));
      }
    }
    assertThat(response.body()).endsWith("\n");
    return lines;
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void waitSendsEachLineAsSoonAsItIsWritten(Dialect dialect) throws Exception {
    start(dialect);
    trigger("hello", "{\"dag_run_id\": \"slow\", \"logical_date\": null}");
    HttpResponse<Stream<String>> response =
        api.streamLines(RUNS + "/slow/wait?interval=0.02&result=answer", api.viewer());
    assertThat(response.statusCode()).isEqualTo(200);
    Iterator<String> lines = response.body().iterator();
    // No loop runs yet, so the run stays queued: this line can only arrive if it was flushed.
    String first = CompletableFuture.supplyAsync(lines::next).get(30, TimeUnit.SECONDS);
    assertThat(ApiTestServer.JSON.readTree(first).path("state").asText()).isEqualTo("queued");

    api.startLoop();
    List<String> rest =
        CompletableFuture.supplyAsync(
                () -> {
                  List<String> read = new ArrayList<>();
                  lines.forEachRemaining(read::add);
                  return read;
                })
            .get(30, TimeUnit.SECONDS);
    assertThat(rest).isNotEmpty();
    for (String line : rest) {
      assertThat(RUN_STATES).contains(ApiTestServer.JSON.readTree(line).path("state").asText());
    }
    JsonNode last = ApiTestServer.JSON.readTree(rest.getLast());
    assertThat(last.path("state").asText()).isEqualTo("success");
    assertThat(last.path("results").path("answer").asInt()).isEqualTo(42);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void triggerRefusesWhatAirflowRefuses(Dialect dialect) throws Exception {
    start(dialect);
    trigger("hello", "{\"dag_run_id\": \"dup\", \"logical_date\": null}");
    JsonNode duplicate =
        api.call(
            409, "POST", RUNS, api.user(), "{\"dag_run_id\": \"dup\", \"logical_date\": null}");
    assertThat(duplicate.at("/detail/reason").asText()).isEqualTo("Unique constraint violation");

    JsonNode unknown =
        api.call(404, "POST", "/api/v2/dags/nope/dagRuns", api.user(), "{\"logical_date\": null}");
    assertThat(unknown.path("detail").asText()).isEqualTo("DAG with dag_id: 'nope' not found");

    JsonNode badParam =
        api.call(
            400, "POST", RUNS, api.user(), "{\"logical_date\": null, \"conf\": {\"n\": \"x\"}}");
    assertThat(badParam.path("detail").asText()).contains("'n'");

    JsonNode noLogicalDate = api.call(422, "POST", RUNS, api.user(), "{\"conf\": {}}");
    assertThat(noLogicalDate.at("/detail/0/type").asText()).isEqualTo("missing");
    assertThat(noLogicalDate.at("/detail/0/loc/1").asText()).isEqualTo("logical_date");

    JsonNode extra = api.call(422, "POST", RUNS, api.user(), "{\"logical_date\": null, \"x\": 1}");
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    JsonNode naive =
        api.call(422, "POST", RUNS, api.user(), "{\"logical_date\": \"2024-01-01T00:00:00\"}");
    assertThat(naive.at("/detail/0/type").asText()).isEqualTo("timezone_aware");
    JsonNode half =
        api.call(
            422,
            "POST",
            RUNS,
            api.user(),
            "{\"logical_date\": \"2024-01-01T00:00:00Z\","
                + " \"data_interval_start\": \"2024-01-01T00:00:00Z\"}");
    assertThat(half.at("/detail/0/type").asText()).isEqualTo("value_error");
    JsonNode confList =
        api.call(422, "POST", RUNS, api.user(), "{\"logical_date\": null, \"conf\": [1]}");
    assertThat(confList.at("/detail/0/type").asText()).isEqualTo("dict_type");
    JsonNode malformed = api.call(422, "POST", RUNS, api.user(), "{\"logical_date\": ");
    assertThat(malformed.at("/detail/0/type").asText()).isEqualTo("json_invalid");

    api.call(401, "POST", RUNS, null, "{\"logical_date\": null}");
    api.call(403, "POST", RUNS, api.viewer(), "{\"logical_date\": null}");
    JsonNode all = api.call(200, "GET", "/api/v2/dags/~/dagRuns", api.viewer(), null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsFilterOrderAndPage(Dialect dialect) throws Exception {
    start(dialect);
    for (String day : List.of("01", "02", "03")) {
      trigger(
          "hello",
          "{\"dag_run_id\": \"d"
              + day
              + "\", \"logical_date\": \"2024-01-"
              + day
              + "T00:00:00Z\"}");
    }
    trigger("other", "{\"dag_run_id\": \"o1\", \"logical_date\": null}");
    String viewer = api.viewer();

    JsonNode all = api.call(200, "GET", "/api/v2/dags/~/dagRuns", viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(4);
    JsonNode hello = api.call(200, "GET", RUNS + "?order_by=-logical_date&limit=2", viewer, null);
    assertThat(hello.path("total_entries").asInt()).isEqualTo(3);
    assertThat(ids(hello)).containsExactly("d03", "d02");
    JsonNode paged = api.call(200, "GET", RUNS + "?order_by=dag_run_id&offset=1", viewer, null);
    assertThat(ids(paged)).containsExactly("d02", "d03");

    JsonNode since =
        api.call(200, "GET", RUNS + "?logical_date_gte=2024-01-02T00:00:00Z", viewer, null);
    assertThat(ids(since)).containsExactly("d02", "d03");
    assertThat(since.path("total_entries").asInt()).isEqualTo(2);
    JsonNode before =
        api.call(200, "GET", RUNS + "?logical_date_lt=2024-01-02T00:00:00%2B00:00", viewer, null);
    assertThat(ids(before)).containsExactly("d01");
    JsonNode queued =
        api.call(200, "GET", "/api/v2/dags/~/dagRuns?state=queued&state=running", viewer, null);
    assertThat(queued.path("total_entries").asInt()).isEqualTo(4);
    JsonNode none = api.call(200, "GET", RUNS + "?state=success", viewer, null);
    assertThat(none.path("total_entries").asInt()).isZero();
    JsonNode manual = api.call(200, "GET", RUNS + "?run_type=manual", viewer, null);
    assertThat(manual.path("total_entries").asInt()).isEqualTo(3);
    JsonNode pattern =
        api.call(200, "GET", "/api/v2/dags/~/dagRuns?run_id_pattern=O1", viewer, null);
    assertThat(ids(pattern)).containsExactly("o1");
    JsonNode byUser =
        api.call(200, "GET", RUNS + "?triggering_user_name_pattern=ull", viewer, null);
    assertThat(byUser.path("total_entries").asInt()).isEqualTo(3);
    JsonNode injection =
        api.call(200, "GET", RUNS + "?run_id_pattern=%27%20OR%201%3D1%20--", viewer, null);
    assertThat(injection.path("total_entries").asInt()).isZero();
    // Runs record the DAG version they were created from: all three come from version 1.
    JsonNode version = api.call(200, "GET", RUNS + "?dag_version=1", viewer, null);
    assertThat(version.path("total_entries").asInt()).isEqualTo(3);
    JsonNode otherVersion =
        api.call(200, "GET", RUNS + "?dag_version=2&dag_version=3", viewer, null);
    assertThat(otherVersion.path("total_entries").asInt()).isZero();

    JsonNode badState = api.call(422, "GET", RUNS + "?state=bogus", viewer, null);
    assertThat(badState.at("/detail/0/type").asText()).isEqualTo("enum");
    api.call(422, "GET", RUNS + "?logical_date_gte=yesterday", viewer, null);
    // Airflow answers a bad order_by with 400, a status its spec does not list for this route.
    HttpResponse<String> badOrder = api.send("GET", RUNS + "?order_by=password", viewer, null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(ApiTestServer.JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'password' is disallowed or the attribute does not exist on the model");
    JsonNode unknown = api.call(404, "GET", "/api/v2/dags/nope/dagRuns", viewer, null);
    assertThat(unknown.path("detail").asText()).isEqualTo("The Dag with ID: `nope` was not found");
    api.call(401, "GET", RUNS, null, null);

    JsonNode batch =
        api.call(
            200,
            "POST",
            "/api/v2/dags/~/dagRuns/list",
            viewer,
            "{\"dag_ids\": [\"hello\"], \"states\": [\"queued\"], \"order_by\": \"-run_id\","
                + " \"page_limit\": 2, \"logical_date_gte\": \"2024-01-01T00:00:00Z\"}");
    assertThat(batch.path("total_entries").asInt()).isEqualTo(3);
    assertThat(ids(batch)).containsExactly("d03", "d02");
    JsonNode batchExtra =
        api.call(422, "POST", "/api/v2/dags/~/dagRuns/list", viewer, "{\"dag_id\": \"x\"}");
    assertThat(batchExtra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    api.call(422, "POST", "/api/v2/dags/~/dagRuns/list", viewer, "{\"states\": [\"bogus\"]}");
    assertThat(
            api.send("POST", "/api/v2/dags/~/dagRuns/list", viewer, "{\"order_by\": \"secret\"}")
                .statusCode())
        .isEqualTo(400);
    api.call(422, "POST", "/api/v2/dags/hello/dagRuns/list", viewer, "{}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void patchesStateAndNoteAndDeletesRuns(Dialect dialect) throws Exception {
    start(dialect);
    api.call(
        200,
        "POST",
        "/api/v2/dags/failing/dagRuns",
        api.user(),
        "{\"dag_run_id\": \"f1\", \"logical_date\": null}");
    api.runUntilIdle();
    String path = "/api/v2/dags/failing/dagRuns/f1";
    assertThat(api.call(200, "GET", path, api.viewer(), null).path("state").asText())
        .isEqualTo("failed");

    JsonNode marked =
        api.call(200, "PATCH", path, api.user(), "{\"state\": \"success\", \"note\": \"fixed\"}");
    assertThat(marked.path("state").asText()).isEqualTo("success");
    assertThat(marked.path("note").asText()).isEqualTo("fixed");
    assertThat(taskStates("failing", "f1")).containsOnly("success");

    JsonNode masked =
        api.call(
            200,
            "PATCH",
            path + "?update_mask=note",
            api.user(),
            "{\"state\": \"failed\", \"note\": \"only the note\"}");
    assertThat(masked.path("state").asText()).isEqualTo("success");
    assertThat(masked.path("note").asText()).isEqualTo("only the note");

    JsonNode badState = api.call(422, "PATCH", path, api.user(), "{\"state\": \"running\"}");
    assertThat(badState.at("/detail/0/type").asText()).isEqualTo("enum");
    api.call(422, "PATCH", path, api.user(), "{\"colour\": \"red\"}");
    api.call(403, "PATCH", path, api.viewer(), "{\"note\": \"x\"}");
    JsonNode traversal =
        api.call(
            404,
            "PATCH",
            "/api/v2/dags/failing/dagRuns/..%2F..%2Fetc",
            api.user(),
            "{\"note\": \"x\"}");
    assertThat(traversal.path("detail").asText()).contains("was not found");

    trigger("hello", "{\"dag_run_id\": \"q1\", \"logical_date\": null}");
    JsonNode failed = api.call(200, "PATCH", RUNS + "/q1", api.user(), "{\"state\": \"failed\"}");
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("end_date").isTextual()).isTrue();

    String someTask = taskIds("failing", "f1").getFirst();
    new XComRepository(api.db()).push("failing", "f1", someTask, "k", "1");
    assertThat(xcomCount("f1")).isOne();
    api.call(204, "DELETE", path, api.user(), null);
    api.call(404, "GET", path, api.viewer(), null);
    assertThat(taskStates("failing", "f1")).isEmpty();
    assertThat(xcomCount("f1")).as("the run's XComs go with it").isZero();
    JsonNode gone = api.call(404, "DELETE", path, api.user(), null);
    assertThat(gone.path("detail").asText())
        .isEqualTo("The DagRun with dag_id: `failing` and run_id: `f1` was not found");
    api.call(403, "DELETE", RUNS + "/q1", api.viewer(), null);

    assertThat(events("patch_dag_run")).contains("ulla:failing:f1");
    assertThat(events("delete_dag_run")).contains("ulla:failing:f1");
  }

  // Holds the blocking task running until the test has looked; one per test run.
  private static volatile CountDownLatch release;

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void markingARunFailedFailsItsRunningTasksAndSkipsThoseNotStarted(Dialect dialect)
      throws Exception {
    release = new CountDownLatch(1);
    DagBuilder blocking = Dag.builder("blocking");
    blocking.task("hold", () -> release.await(60, TimeUnit.SECONDS)).then(blocking.empty("later"));
    api = ApiTestServer.withDags(dialect, home, blocking);
    String path = "/api/v2/dags/blocking/dagRuns/b1";
    try {
      api.call(
          200,
          "POST",
          "/api/v2/dags/blocking/dagRuns",
          api.user(),
          "{\"dag_run_id\": \"b1\", \"logical_date\": null}");
      api.startLoop();
      awaitTaskState("blocking", "b1", "hold", "running");

      JsonNode failed = api.call(200, "PATCH", path, api.user(), "{\"state\": \"failed\"}");
      assertThat(failed.path("state").asText()).isEqualTo("failed");
      assertThat(taskState("blocking", "b1", "hold")).isEqualTo("failed");
      assertThat(taskState("blocking", "b1", "later")).isEqualTo("skipped");
    } finally {
      release.countDown();
    }
  }

  private void awaitTaskState(String dagId, String runId, String taskId, String state)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!state.equals(taskState(dagId, runId, taskId))) {
      assertThat(System.nanoTime()).as("%s reaches %s", taskId, state).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private String taskState(String dagId, String runId, String taskId) {
    return api.db()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT state FROM task_instance WHERE dag_id = :d AND run_id = :r"
                            + " AND task_id = :t")
                    .bind("d", dagId)
                    .bind("r", runId)
                    .bind("t", taskId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }

  private int xcomCount(String runId) {
    return api.db()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM xcom WHERE run_id = :r")
                    .bind("r", runId)
                    .mapTo(Integer.class)
                    .one());
  }

  private List<String> taskIds(String dagId, String runId) {
    return api.db()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT task_id FROM task_instance WHERE dag_id = :d AND run_id = :r"
                            + " ORDER BY task_id")
                    .bind("d", dagId)
                    .bind("r", runId)
                    .mapTo(String.class)
                    .list());
  }

  private List<String> taskStates(String dagId, String runId) {
    return api.db()
        .withHandle(
            h ->
                h.createQuery("SELECT state FROM task_instance WHERE dag_id = :d AND run_id = :r")
                    .bind("d", dagId)
                    .bind("r", runId)
                    .mapTo(String.class)
                    .list());
  }

  private static List<String> ids(JsonNode collection) {
    return ApiTestServer.texts(collection, "dag_runs", "dag_run_id");
  }
}
