package dev.updraft.web.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.DatabaseConfig;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Task Execution API over a real Javalin server and an in-memory H2 database. */
class ExecutionApiTest {
  private static final byte[] SECRET = "test-secret".getBytes(StandardCharsets.UTF_8);
  private static final String DAG = "etl";
  private static final String RUN = "manual__2025-01-01T00:00:00+00:00";
  private static final String RUNNING_BODY =
      """
      {"state": "running", "hostname": "worker-1", "unixname": "airflow", "pid": 4242,
       "start_date": "2025-01-01T00:00:05.123456+00:00"}""";

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final TaskTokens tokens = new TaskTokens(SECRET);

  private MetadataDatabase db;
  private TaskInstanceRepository taskInstances;
  private Javalin app;
  private TaskInstanceRecord extract;
  private TaskInstanceRecord load;
  private TaskInstanceRecord report;
  private java.nio.file.Path artifactRoot;
  private final dev.updraft.metadata.state.SecretCipher cipher =
      dev.updraft.metadata.state.SecretCipher.fromBase64Key(
          dev.updraft.metadata.state.SecretCipher.generateKey());

  @BeforeEach
  void start() {
    String url =
        "jdbc:h2:mem:x"
            + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    db = MetadataDatabase.open(new DatabaseConfig(url, null, 4));
    db.migrate();
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    new DagRunRepository(db)
        .create(
            new NewDagRun(
                DAG,
                RUN,
                DagRunType.MANUAL,
                DagRunState.RUNNING,
                at,
                at,
                at,
                at,
                "{\"source\": \"test\"}",
                "test",
                null));
    taskInstances = new TaskInstanceRepository(db);
    extract = TaskInstanceRecord.newInstance(DAG, RUN, "extract").withMaxTries(2);
    load = TaskInstanceRecord.newInstance(DAG, RUN, "load");
    report = TaskInstanceRecord.newInstance(DAG, RUN, "report");
    taskInstances.createForRun(List.of(extract, load, report));
    queue(extract.id());
    queue(load.id());
    new VariableRepository(db).set("region", "eu");

    try {
      artifactRoot = java.nio.file.Files.createTempDirectory("artifacts");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var deps = ExecutionApiDependencies.of(db, tokens, artifactRoot, cipher);
    app = ExecutionApi.create(deps).start(0);
  }

  private void queue(UUID id) {
    Instant now = Instant.now();
    assertThat(
            taskInstances.transition(
                id,
                TaskInstanceRepository.noStateOr(),
                TaskState.SCHEDULED,
                TransitionDetails.at(now)))
        .isTrue();
    assertThat(
            taskInstances.transition(
                id, Set.of(TaskState.SCHEDULED), TaskState.QUEUED, TransitionDetails.at(now)))
        .isTrue();
  }

  @AfterEach
  void stop() {
    app.stop();
    db.withHandle(h -> h.execute("DROP ALL OBJECTS"));
    db.close();
  }

  @Test
  void runStartsTheTryAndAnswersItsContext() throws Exception {
    var response = send("PATCH", tiPath(extract.id(), "run"), token(extract.id()), RUNNING_BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode context = mapper.readTree(response.body());
    JsonNode dagRun = context.get("dag_run");
    assertThat(dagRun.get("dag_id").asText()).isEqualTo(DAG);
    assertThat(dagRun.get("run_id").asText()).isEqualTo(RUN);
    assertThat(dagRun.get("logical_date").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(dagRun.get("run_type").asText()).isEqualTo("manual");
    assertThat(dagRun.get("conf").get("source").asText()).isEqualTo("test");
    assertThat(context.get("max_tries").asInt()).isEqualTo(2);
    assertThat(context.get("should_retry").asBoolean()).isTrue();
    assertThat(context.get("variables")).isEmpty();
    assertThat(context.get("connections")).isEmpty();
    TaskInstanceRecord ti = taskInstances.find(extract.id()).orElseThrow();
    assertThat(ti.state()).isEqualTo(TaskState.RUNNING);
    assertThat(ti.hostname()).isEqualTo("worker-1");
    assertThat(ti.pid()).isEqualTo(4242);
    assertThat(ti.startDate()).isEqualTo(Instant.parse("2025-01-01T00:00:05.123456Z"));
    assertThat(taskInstances.lastHeartbeat(extract.id())).isPresent();
  }

  @Test
  void runOfATryNotQueuedIs409InvalidState() throws Exception {
    run(extract.id());

    var response = send("PATCH", tiPath(extract.id(), "run"), token(extract.id()), RUNNING_BODY);

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode detail = mapper.readTree(response.body()).get("detail");
    assertThat(detail.get("reason").asText()).isEqualTo("invalid_state");
    assertThat(detail.get("previous_state").asText()).isEqualTo("running");
    assertThat(detail.get("message").asText()).isNotBlank();
  }

  @Test
  void runOfAnUnknownTaskInstanceIs404() throws Exception {
    UUID unknown = UUID.randomUUID();

    var response = send("PATCH", tiPath(unknown, "run"), token(unknown), RUNNING_BODY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(mapper.readTree(response.body()).get("detail").get("reason").asText())
        .isEqualTo("not_found");
  }

  @Test
  void heartbeatFromTheRecordedProcessIs204() throws Exception {
    run(extract.id());
    Instant before = taskInstances.lastHeartbeat(extract.id()).orElseThrow();

    var response =
        send(
            "PUT",
            tiPath(extract.id(), "heartbeat"),
            token(extract.id()),
            "{\"hostname\": \"worker-1\", \"pid\": 4242}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(taskInstances.lastHeartbeat(extract.id()).orElseThrow()).isAfterOrEqualTo(before);
  }

  @Test
  void heartbeatFromAnotherProcessIs409() throws Exception {
    run(extract.id());

    var response =
        send(
            "PUT",
            tiPath(extract.id(), "heartbeat"),
            token(extract.id()),
            "{\"hostname\": \"worker-1\", \"pid\": 1}");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode detail = mapper.readTree(response.body()).get("detail");
    assertThat(detail.get("reason").asText()).isEqualTo("running_elsewhere");
    assertThat(detail.get("current_pid").asInt()).isEqualTo(4242);
  }

  @Test
  void heartbeatOfATryNoLongerRunningIs409() throws Exception {
    run(extract.id());
    taskInstances.transition(
        extract.id(),
        Set.of(TaskState.RUNNING),
        TaskState.FAILED,
        TransitionDetails.at(Instant.now()));

    var response =
        send(
            "PUT",
            tiPath(extract.id(), "heartbeat"),
            token(extract.id()),
            "{\"hostname\": \"worker-1\", \"pid\": 4242}");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode detail = mapper.readTree(response.body()).get("detail");
    assertThat(detail.get("reason").asText()).isEqualTo("not_running");
    assertThat(detail.get("current_state").asText()).isEqualTo("failed");
  }

  @Test
  void stateSuccessEndsTheTry() throws Exception {
    run(extract.id());

    var response =
        send(
            "PATCH",
            tiPath(extract.id(), "state"),
            token(extract.id()),
            "{\"state\": \"success\", \"end_date\": \"2025-01-01T00:01:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(204);
    TaskInstanceRecord ti = taskInstances.find(extract.id()).orElseThrow();
    assertThat(ti.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(ti.endDate()).isEqualTo(Instant.parse("2025-01-01T00:01:00Z"));
    assertThat(taskInstances.lastHeartbeat(extract.id())).isEmpty();
  }

  @Test
  void upForRetryWithTriesLeftIsKeptAndWithoutBecomesFailed() throws Exception {
    run(extract.id());
    run(load.id());
    String body = "{\"state\": \"up_for_retry\", \"end_date\": \"2025-01-01T00:01:00Z\"}";

    assertThat(send("PATCH", tiPath(extract.id(), "state"), token(extract.id()), body).statusCode())
        .isEqualTo(204);
    assertThat(send("PATCH", tiPath(load.id(), "state"), token(load.id()), body).statusCode())
        .isEqualTo(204);

    assertThat(taskInstances.find(extract.id()).orElseThrow().state())
        .isEqualTo(TaskState.UP_FOR_RETRY);
    assertThat(taskInstances.find(load.id()).orElseThrow().state()).isEqualTo(TaskState.FAILED);
  }

  @Test
  void rtifIsStoredOnTheRunningTry() throws Exception {
    run(extract.id());

    var response =
        send(
            "PUT",
            tiPath(extract.id(), "rtif"),
            token(extract.id()),
            "{\"bash_command\": \"echo 2025-01-01\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(
            mapper
                .readTree(taskInstances.find(extract.id()).orElseThrow().renderedFields())
                .get("bash_command")
                .asText())
        .isEqualTo("echo 2025-01-01");
  }

  @Test
  void skipDownstreamSkipsOnlyUndecidedTasksOfTheRun() throws Exception {
    run(extract.id());

    var response =
        send(
            "PATCH",
            tiPath(extract.id(), "skip-downstream"),
            token(extract.id()),
            "{\"tasks\": [\"report\", [\"load\", -1]]}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(taskInstances.find(report.id()).orElseThrow().state()).isEqualTo(TaskState.SKIPPED);
    assertThat(taskInstances.find(load.id()).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
  }

  @Test
  void artifactsArePublishedAndReadBackInTheCallersRun() throws Exception {
    run(extract.id());
    String auth = token(extract.id());

    var begun =
        send(
            "POST",
            "/execution/artifacts/executions",
            auth,
            "{\"component_type\": \"LineWriter\", \"inputs\": {}, \"parameters\": {\"rows\": 3}}");
    assertThat(begun.statusCode()).isEqualTo(201);
    long executionId = mapper.readTree(begun.body()).get("execution_id").asLong();
    var published =
        send(
            "POST",
            "/execution/artifacts/executions/" + executionId + "/publish",
            auth,
            "{\"outputs\": {\"examples\": [{\"type\": \"Examples\", \"uri\": \"/tmp/ex/1\","
                + " \"state\": \"PENDING\", \"properties\": {\"split_names\": \"train\"}}]}}");
    assertThat(published.statusCode()).isEqualTo(200);
    JsonNode out = mapper.readTree(published.body()).get("outputs").get("examples").get(0);
    assertThat(out.get("id").isNumber()).isTrue();
    assertThat(out.get("state").asText()).isEqualTo("LIVE");

    var read = send("GET", "/execution/artifacts/outputs/extract/examples", auth, null);
    JsonNode artifacts = mapper.readTree(read.body()).get("artifacts");
    assertThat(artifacts).hasSize(1);
    assertThat(artifacts.get(0).get("uri").asText()).isEqualTo("/tmp/ex/1");
    assertThat(artifacts.get(0).get("type").asText()).isEqualTo("Examples");
    assertThat(artifacts.get(0).get("properties").get("split_names").asText()).isEqualTo("train");

    run(load.id());
    var foreign =
        send(
            "POST",
            "/execution/artifacts/executions/" + executionId + "/fail",
            token(load.id()),
            "{\"reason\": \"not mine\"}");
    assertThat(foreign.statusCode()).isEqualTo(403);

    var latest = send("GET", "/execution/artifacts/latest/Examples?limit=5", auth, null);
    assertThat(mapper.readTree(latest.body()).get("artifacts").get(0).get("id").asLong())
        .isEqualTo(out.get("id").asLong());
  }

  @Test
  void stateOfATryNotRunningIs409() throws Exception {
    var response =
        send(
            "PATCH",
            tiPath(extract.id(), "state"),
            token(extract.id()),
            "{\"state\": \"failed\", \"end_date\": \"2025-01-01T00:01:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode detail = mapper.readTree(response.body()).get("detail");
    assertThat(detail.get("reason").asText()).isEqualTo("invalid_state");
    assertThat(detail.get("previous_state").asText()).isEqualTo("queued");
    assertThat(taskInstances.find(extract.id()).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
  }

  @Test
  void anotherTaskInstancesTokenIs403() throws Exception {
    var response = send("PATCH", tiPath(extract.id(), "run"), token(load.id()), RUNNING_BODY);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(mapper.readTree(response.body()).get("detail").isTextual()).isTrue();
    assertThat(taskInstances.find(extract.id()).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
  }

  @Test
  void noTokenIs401() throws Exception {
    var response = send("PATCH", tiPath(extract.id(), "run"), null, RUNNING_BODY);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(mapper.readTree(response.body()).get("detail").asText())
        .isEqualTo("Not authenticated");
  }

  @Test
  void expiredOrForeignTokenIs401() throws Exception {
    String expired = tokens.issue(extract.id(), Duration.ofMinutes(-5));
    String foreign =
        new TaskTokens("other-secret".getBytes(StandardCharsets.UTF_8))
            .issue(extract.id(), Duration.ofMinutes(5));

    assertThat(send("PATCH", tiPath(extract.id(), "run"), expired, RUNNING_BODY).statusCode())
        .isEqualTo(401);
    assertThat(send("PATCH", tiPath(extract.id(), "run"), foreign, RUNNING_BODY).statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/execution/variables/region", expired, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void xcomRoundTrips() throws Exception {
    String path = "/execution/xcoms/" + DAG + "/" + RUN + "/extract/rows";

    var pushed = send("POST", path, token(load.id()), "{\"count\": 3, \"tables\": [\"a\", \"b\"]}");
    var pulled = send("GET", path, token(load.id()), null);

    assertThat(pushed.statusCode()).isEqualTo(201);
    assertThat(pulled.statusCode()).isEqualTo(200);
    JsonNode body = mapper.readTree(pulled.body());
    assertThat(body.get("key").asText()).isEqualTo("rows");
    assertThat(body.get("value"))
        .isEqualTo(mapper.readTree("{\"count\": 3, \"tables\": [\"a\", \"b\"]}"));
  }

  @Test
  void unknownXcomIs404() throws Exception {
    var response =
        send(
            "GET",
            "/execution/xcoms/" + DAG + "/" + RUN + "/extract/nothing",
            token(load.id()),
            null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(mapper.readTree(response.body()).get("detail").get("reason").asText())
        .isEqualTo("not_found");
  }

  @Test
  void variablesAreReadByKey() throws Exception {
    var found = send("GET", "/execution/variables/region", token(load.id()), null);
    var missing = send("GET", "/execution/variables/nope", token(load.id()), null);

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(mapper.readTree(found.body()))
        .isEqualTo(mapper.readTree("{\"key\": \"region\", \"value\": \"eu\"}"));
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void connectionsAreReadByIdInAirflowsShape() throws Exception {
    new dev.updraft.metadata.state.ConnectionRepository(db, cipher)
        .set(
            new dev.updraft.metadata.state.ConnectionRecord(
                "warehouse", "postgres", null, "db.local", "dw", "etl", "s3cret", 5432, null));

    var found = send("GET", "/execution/connections/warehouse", token(load.id()), null);
    var missing = send("GET", "/execution/connections/nope", token(load.id()), null);

    assertThat(found.statusCode()).isEqualTo(200);
    JsonNode connection = mapper.readTree(found.body());
    assertThat(connection.get("conn_id").asText()).isEqualTo("warehouse");
    assertThat(connection.get("conn_type").asText()).isEqualTo("postgres");
    assertThat(connection.get("password").asText()).isEqualTo("s3cret");
    assertThat(connection.get("port").asInt()).isEqualTo(5432);
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void invalidBodiesAre422NamingTheField() throws Exception {
    String path = tiPath(extract.id(), "run");
    var notJson = send("PATCH", path, token(extract.id()), "{\"state\": ");
    var missingPid =
        send(
            "PATCH",
            path,
            token(extract.id()),
            "{\"state\": \"running\", \"hostname\": \"h\", \"unixname\": \"u\","
                + " \"start_date\": \"2025-01-01T00:00:00Z\"}");
    var badDate =
        send(
            "PATCH",
            path,
            token(extract.id()),
            RUNNING_BODY.replace("2025-01-01T00:00:05.123456+00:00", "yesterday"));

    assertThat(notJson.statusCode()).isEqualTo(422);
    assertThat(mapper.readTree(notJson.body()).get("detail").get(0).get("type").asText())
        .isEqualTo("json_invalid");
    assertThat(missingPid.statusCode()).isEqualTo(422);
    assertThat(mapper.readTree(missingPid.body()).get("detail").get(0).get("loc"))
        .isEqualTo(mapper.readTree("[\"body\", \"pid\"]"));
    assertThat(badDate.statusCode()).isEqualTo(422);
    assertThat(mapper.readTree(badDate.body()).get("detail").get(0).get("loc"))
        .isEqualTo(mapper.readTree("[\"body\", \"start_date\"]"));
    assertThat(taskInstances.find(extract.id()).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
  }

  private void run(UUID id) throws Exception {
    assertThat(send("PATCH", tiPath(id, "run"), token(id), RUNNING_BODY).statusCode())
        .isEqualTo(200);
  }

  private String token(UUID id) {
    return tokens.issue(id, Duration.ofMinutes(10));
  }

  private static String tiPath(UUID id, String action) {
    return "/execution/task-instances/" + id + "/" + action;
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
