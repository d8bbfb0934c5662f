package dev.updraft.cli.internal.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.cli.CliRunner;
import dev.updraft.cli.UpdraftConfig;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A standalone daemon in this JVM, on a real port, driven as a user would: CLI and HTTP. */
class UpdraftDaemonTest {
  @TempDir Path home;

  private static Map<String, String> env() {
    return Map.of(
        "UPDRAFT_API_PORT",
        "0",
        "UPDRAFT_EXECUTOR",
        "InProcessExecutor",
        "UPDRAFT_USERS",
        "admin:admin");
  }

  @Test
  void triggeredHelloWorldRunsToSuccessAndTheApiAnswers() throws Exception {
    CliRunner cli = new CliRunner(home);
    UpdraftConfig config = cli.config();
    StringWriter err = new StringWriter();
    Instant started = Instant.now();
    try (UpdraftDaemon daemon =
        UpdraftDaemon.start(
            config,
            DaemonOptions.fromEnvironment(env(), true),
            env(),
            true,
            new PrintWriter(err, true))) {
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
      assertThat(daemon.dags()).extracting(LoadedDag::dagId).contains("hello_world");
      assertThat(daemon.loginBanner()).contains("Login with username: admin");

      assertThat(cli(cli, "dags", "trigger", "hello_world", "-c", "{\"name\": \"Ada\"}"))
          .contains("queued");
      // hello_world is @daily and unpaused in standalone: its latest scheduled run comes too.
      List<Map<String, Object>> runs = awaitRunState(cli, "hello_world", "success");
      runs = runs.stream().filter(r -> "manual".equals(r.get("run_type"))).toList();
      assertThat(runs)
          .singleElement()
          .satisfies(r -> assertThat(r.get("conf")).isEqualTo("{\"name\":\"Ada\"}"));
      Path log =
          home.resolve("logs/dag_id=hello_world")
              .resolve("run_id=" + runs.get(0).get("run_id"))
              .resolve("task_id=make_greeting/attempt=1.log");
      assertThat(log).exists();

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + daemon.apiPort() + "/api/v2/monitor/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      Map<?, ?> body = new ObjectMapper().readValue(health.body(), Map.class);
      assertThat(((Map<?, ?>) body.get("scheduler")).get("status")).isEqualTo("healthy");

      // The generated admin password logs in (the constructor asserts 201 and a token).
      new Api(daemon.apiPort(), home);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aRunTriggeredThroughTheRestApiSucceedsAndItsLogAndSecretsWork() throws Exception {
    CliRunner cli = new CliRunner(home);
    try (UpdraftDaemon daemon =
        UpdraftDaemon.start(
            cli.config(),
            DaemonOptions.fromEnvironment(env(), true),
            env(),
            true,
            new PrintWriter(new StringWriter(), true))) {
      Api api = new Api(daemon.apiPort(), home);
      String runPath = "/api/v2/dags/hello_world/dagRuns";
      JsonNode triggered =
          api.call(
              200,
              "POST",
              runPath,
              "{\"dag_run_id\": \"via_api\", \"logical_date\": null,"
                  + " \"conf\": {\"name\": \"Rest\"}}");
      assertThat(triggered.get("state").asText()).isEqualTo("queued");
      assertThat(triggered.get("triggered_by").asText()).isEqualTo("rest_api");

      // The API wakes the daemon's loop: no CLI and no poll interval in between.
      Instant deadline = Instant.now().plusSeconds(30);
      String state = "queued";
      while (!state.equals("success") && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
        state = api.call(200, "GET", runPath + "/via_api", null).get("state").asText();
      }
      assertThat(state).isEqualTo("success");

      JsonNode instances = api.call(200, "GET", runPath + "/via_api/taskInstances", null);
      assertThat(instances.get("total_entries").asInt()).isEqualTo(10);
      JsonNode log =
          api.call(
              200,
              "GET",
              runPath + "/via_api/taskInstances/count_letters/logs/1?full_content=true",
              null);
      assertThat(log.get("content").toString()).contains("Hello, Rest!");

      // standalone generated a secret key, so a connection password can be stored (never shown).
      api.call(
          201,
          "POST",
          "/api/v2/connections",
          "{\"connection_id\": \"db\", \"conn_type\": \"postgres\", \"password\": \"pw-1\"}");
      assertThat(api.call(200, "GET", "/api/v2/connections/db", null).toString())
          .doesNotContain("pw-1");
      assertThat(home.resolve("secret_key.generated")).exists();
    }
  }

  /** The daemon's REST API as admin, JSON in and out. */
  private static final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    Api(int port, Path home) throws Exception {
      base = "http://localhost:" + port;
      String password =
          new ObjectMapper()
              .readTree(home.resolve("simple_auth_manager_passwords.json.generated").toFile())
              .get("admin")
              .asText();
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(201);
      token = new ObjectMapper().readTree(login.body()).get("access_token").asText();
    }

    JsonNode call(int status, String method, String path, String body) throws Exception {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as(method + " " + path + ": " + response.body())
          .isEqualTo(status);
      return new ObjectMapper().readTree(response.body());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> awaitRunState(CliRunner cli, String dagId, String state)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    List<Map<String, Object>> runs = List.of();
    while (Instant.now().isBefore(deadline)) {
      runs =
          new ObjectMapper()
              .readValue(cli(cli, "dags", "list-runs", "-d", dagId, "-o", "json"), List.class);
      if (!runs.isEmpty() && runs.stream().allMatch(r -> state.equals(r.get("state")))) {
        return runs;
      }
      Thread.sleep(100);
    }
    return runs;
  }

  private static String cli(CliRunner cli, String... args) {
    CliRunner.Outcome outcome = cli.run(args);
    assertThat(outcome.exitCode()).as(String.join(" ", args) + ": " + outcome.err()).isZero();
    return outcome.out();
  }
}
