package dev.updraft.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.DatabaseConfig;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.JobRecord;
import dev.updraft.metadata.state.JobRepository;
import dev.updraft.web.auth.SimpleAuthManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server on a real port, over an in-memory H2 database. */
class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @TempDir Path home;
  private MetadataDatabase db;
  private SimpleAuthManager auth;
  private ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    db =
        MetadataDatabase.open(
            new DatabaseConfig(
                "jdbc:h2:mem:api"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                null,
                4));
    db.migrate();
    auth = SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "ada:admin"), home);
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
    db.close();
  }

  private ApiServer start(Clock clock) {
    server =
        ApiServer.builder(db, auth)
            .host("127.0.0.1")
            .port(0)
            .clock(clock)
            .version("0.1.0", null)
            .routes(app -> app.get("/extra", ctx -> ctx.result("mounted")))
            .start();
    return server;
  }

  private String password() throws IOException {
    JsonNode passwords =
        JSON.readTree(
            Files.readString(home.resolve("simple_auth_manager_passwords.json.generated")));
    return passwords.get("ada").asText();
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void loginWithJsonOrAFormGivesAJwtForTheUser() throws Exception {
    start(Clock.systemUTC());
    String credentials = JSON.writeValueAsString(Map.of("username", "ada", "password", password()));

    HttpResponse<String> json = post("/auth/token", "application/json", credentials);
    assertThat(json.statusCode()).isEqualTo(201);
    String token = JSON.readTree(json.body()).get("access_token").asText();
    assertThat(auth.verify(token))
        .hasValueSatisfying(user -> assertThat(user.username()).isEqualTo("ada"));

    HttpResponse<String> form =
        post(
            "/auth/token",
            "application/x-www-form-urlencoded",
            "username=ada&password=" + password());
    assertThat(form.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(form.body()).fieldNames())
        .toIterable()
        .containsExactly("access_token");
  }

  @Test
  void badLoginsAnswerAsAirflowDoes() throws Exception {
    start(Clock.systemUTC());

    HttpResponse<String> wrong =
        post("/auth/token", "application/json", "{\"username\":\"ada\",\"password\":\"nope\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()))
        .isEqualTo(JSON.readTree("{\"detail\":\"Invalid credentials\"}"));

    HttpResponse<String> missing =
        post("/auth/token", "application/json", "{\"username\":\"ada\"}");
    assertThat(missing.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(missing.body()).get("detail").get(0);
    assertThat(error.get("type").asText()).isEqualTo("missing");
    assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"password\"]");
    assertThat(error.get("msg").asText()).isEqualTo("Field required");

    HttpResponse<String> empty =
        post("/auth/token", "application/json", "{\"username\":\"\",\"password\":\"\"}");
    assertThat(empty.statusCode()).isEqualTo(400);

    assertThat(post("/auth/token", "text/plain", "ada").statusCode()).isEqualTo(415);
    assertThat(get("/auth/token").statusCode()).as("not all admins").isEqualTo(403);
  }

  @Test
  void healthReportsTheSchedulerFromItsLatestHeartbeat() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    start(clock);

    JsonNode none = JSON.readTree(get("/api/v2/monitor/health").body());
    assertThat(none.get("metadatabase").get("status").asText()).isEqualTo("healthy");
    assertThat(none.get("scheduler").get("status").asText()).isEqualTo("unhealthy");
    assertThat(none.get("scheduler").get("latest_scheduler_heartbeat").isNull()).isTrue();
    assertThat(none.get("triggerer").get("status").isNull()).as("never ran").isTrue();
    assertThat(none.get("dag_processor").has("latest_dag_processor_heartbeat")).isTrue();

    JobRecord job =
        new JobRepository(db, Clock.fixed(NOW.minusSeconds(10), ZoneOffset.UTC))
            .start("SchedulerJob", "host-a");
    JsonNode fresh = JSON.readTree(get("/api/v2/monitor/health").body()).get("scheduler");
    assertThat(fresh.get("status").asText()).isEqualTo("healthy");
    assertThat(fresh.get("latest_scheduler_heartbeat").asText())
        .isEqualTo("2025-06-01T11:59:50+00:00");

    server.close();
    server = null;
    start(Clock.fixed(NOW.plusSeconds(25), ZoneOffset.UTC));
    JsonNode stale = JSON.readTree(get("/api/v2/monitor/health").body()).get("scheduler");
    assertThat(stale.get("status").asText()).as("35 s old").isEqualTo("unhealthy");
    assertThat(job.id()).isPositive();
  }

  @Test
  void versionAndExtraRouteGroupsAreServedAndStopFreesThePort() throws Exception {
    start(Clock.systemUTC());
    JsonNode version = JSON.readTree(get("/api/v2/version").body());
    assertThat(version.get("version").asText()).isEqualTo("0.1.0");
    assertThat(version.has("git_version")).isTrue();
    assertThat(get("/extra").body()).isEqualTo("mounted");

    int port = server.port();
    server.close();
    server = null;
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v2/version"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aTakenPortIsNamedInTheError() throws Exception {
    int taken = start(Clock.systemUTC()).port();

    assertThatThrownBy(
            () -> ApiServer.builder(db, auth).host("127.0.0.1").port(taken).start().close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
        .hasMessageContaining("UPDRAFT_API_PORT");
    assertThat(get("/api/v2/version").statusCode())
        .as("the first server still serves")
        .isEqualTo(200);
  }
}
