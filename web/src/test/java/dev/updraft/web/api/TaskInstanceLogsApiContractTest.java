package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.TaskContext;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code …/logs/{try_number}} over a real try's log file: JSON pages, tokens, ndjson, errors. */
class TaskInstanceLogsApiContractTest {
  private static final String LOGS = "/api/v2/dags/chatty/dagRuns/r1/taskInstances/talk/logs/";
  private static final int LINES = 1500;

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private void startWithLoggedTry(Dialect dialect) throws Exception {
    DagBuilder dag = Dag.builder("chatty");
    dag.task(
        "talk",
        () -> {
          for (int i = 0; i < LINES; i++) {
            TaskContext.current().log().println("line " + i);
          }
          TaskContext.current().log().println("2025-01-01T00:00:00Z ERROR - stamped");
          return "done";
        });
    api = ApiTestServer.withDags(dialect, home, dag);
    new DagRunRepository(api.db())
        .create(NewDagRun.manualAt("chatty", "r1", Instant.parse("2025-01-01T00:00:00Z"), "test"));
    api.runUntilIdle();
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void readsPagesFollowsTokensAndStreamsNdjson(Dialect dialect) throws Exception {
    startWithLoggedTry(dialect);
    String viewer = api.viewer();
    JsonNode first = api.call(200, "GET", LOGS + "1", viewer, null);
    // Airflow's source header, then the first page of lines.
    assertThat(first.path("content").size()).isEqualTo(2 + 1000);
    assertThat(first.at("/content/0/event").asText())
        .isEqualTo("::group::Log message source details");
    assertThat(first.at("/content/0/sources/0").asText())
        .isEqualTo("dag_id=chatty/run_id=r1/task_id=talk/attempt=1.log");
    assertThat(first.at("/content/1/event").asText()).isEqualTo("::endgroup::");
    assertThat(first.path("content").findValuesAsText("event")).contains("line 0", "line 999");
    String token = first.path("continuation_token").asText();
    assertThat(token).isNotEmpty();

    JsonNode rest =
        api.call(
            200,
            "GET",
            LOGS + "1?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            viewer,
            null);
    List<String> events = rest.path("content").findValuesAsText("event");
    assertThat(events).contains("line 1000", "line 1499", "stamped").doesNotContain("line 999");
    assertThat(rest.path("continuation_token").isNull()).isTrue();
    JsonNode stamped =
        rest.path("content").findParents("event").stream()
            .filter(m -> m.path("event").asText().equals("stamped"))
            .findFirst()
            .orElseThrow();
    assertThat(stamped.path("timestamp").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(stamped.path("level").asText()).isEqualTo("error");

    JsonNode full = api.call(200, "GET", LOGS + "1?full_content=true", viewer, null);
    int total = full.path("content").size();
    assertThat(total).isEqualTo(first.path("content").size() + rest.path("content").size());

    // The real signature over another offset ("0"): must be refused.
    String forged = "MA." + token.substring(token.indexOf('.') + 1);
    // Airflow answers 400 here though its spec lists no 400: checked by hand.
    for (String bad : List.of(forged, "garbage")) {
      HttpResponse<String> tampered = api.send("GET", LOGS + "1?token=" + bad, viewer, null);
      assertThat(tampered.statusCode()).isEqualTo(400);
      assertThat(ApiTestServer.JSON.readTree(tampered.body()).path("detail").asText())
          .isEqualTo("Bad Signature. Please use only the tokens provided by the API.");
    }

    HttpResponse<String> ndjson = api.sendAccepting("application/x-ndjson", LOGS + "1", viewer);
    assertThat(ndjson.statusCode()).isEqualTo(200);
    assertThat(ndjson.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-ndjson");
    List<String> lines = ndjson.body().lines().toList();
    assertThat(lines).hasSize(total);
    assertThat(ApiTestServer.JSON.readTree(lines.getFirst()).path("event").asText())
        .isEqualTo(full.at("/content/0/event").asText());
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void ndjsonFollowsARunningTryUntilItEnds(Dialect dialect) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    DagBuilder dag = Dag.builder("slow");
    dag.task(
        "tick",
        () -> {
          TaskContext.current().log().println("before");
          // Unreleased, the try fails without "after": a stream that did not follow misses it.
          if (!release.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
          }
          TaskContext.current().log().println("after");
          return "done";
        });
    api = ApiTestServer.withDags(dialect, home, dag);
    api.startLoop();
    new DagRunRepository(api.db())
        .create(NewDagRun.manualAt("slow", "r1", Instant.parse("2025-01-01T00:00:00Z"), "test"));
    String viewer = api.viewer();
    String ti = "/api/v2/dags/slow/dagRuns/r1/taskInstances/tick";
    Instant deadline = Instant.now().plusSeconds(30);
    while (!api.send("GET", ti, viewer, null).body().contains("\"state\":\"running\"")) {
      assertThat(Instant.now()).as("the try starts").isBefore(deadline);
      Thread.sleep(20);
    }
    JsonNode live = api.call(200, "GET", ti + "/logs/1", viewer, null);
    assertThat(live.path("continuation_token").isNull()).as("a running try goes on").isFalse();
    // The head of the stream comes once the server has seen the try running; only then is the
    // try let go, so the stream must follow it to its end to carry "after".
    HttpResponse<java.util.stream.Stream<String>> stream =
        api.streamLines("application/x-ndjson", ti + "/logs/1", viewer);
    assertThat(stream.statusCode()).isEqualTo(200);
    release.countDown();
    List<String> events = new java.util.ArrayList<>();
    for (String line : stream.body().toList()) {
      events.add(ApiTestServer.JSON.readTree(line).path("event").asText());
    }
    assertThat(events).contains("before", "after");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void answersMissingTriesFilesAndTraversalAsAirflow(Dialect dialect) throws Exception {
    startWithLoggedTry(dialect);
    String viewer = api.viewer();
    assertThat(api.call(404, "GET", LOGS + "2", viewer, null).path("detail").asText())
        .isEqualTo("TaskInstance not found");
    api.call(404, "GET", LOGS + "0", viewer, null);
    api.call(422, "GET", LOGS + "-1", viewer, null);
    api.call(422, "GET", LOGS + "one", viewer, null);
    api.call(
        404,
        "GET",
        "/api/v2/dags/chatty/dagRuns/r1/taskInstances/..%2F..%2Fetc/logs/1",
        viewer,
        null);
    api.call(
        404,
        "GET",
        "/api/v2/dags/..%2F..%2F..%2Fetc/dagRuns/r1/taskInstances/talk/logs/1",
        viewer,
        null);
    api.call(401, "GET", LOGS + "1", null, null);

    List<Path> logFiles;
    try (var files = Files.walk(api.logsRoot())) {
      logFiles = files.filter(Files::isRegularFile).toList();
    }
    // Bytes that are not UTF-8 (a binary tool's output, a character cut by a crash) are shown
    // replaced, not a server error.
    Files.write(
        logFiles.getFirst(),
        new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\n'},
        java.nio.file.StandardOpenOption.APPEND);
    JsonNode mangled = api.call(200, "GET", LOGS + "1?full_content=true", viewer, null);
    assertThat(mangled.path("content").findValuesAsText("event"))
        .anySatisfy(line -> assertThat(line).startsWith("ok ").contains("\uFFFD"));
    for (Path file : logFiles) {
      Files.delete(file);
    }
    JsonNode missing = api.call(200, "GET", LOGS + "1", viewer, null);
    assertThat(missing.at("/content/0/sources").size()).isZero();
    assertThat(missing.at("/content/2/event").asText())
        .startsWith("*** Log file does not exist: dag_id=chatty/run_id=r1/task_id=talk/");
    assertThat(missing.path("continuation_token").isNull()).isTrue();
  }
}
