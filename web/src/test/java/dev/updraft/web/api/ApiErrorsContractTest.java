package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.web.auth.Role;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@code /api/v2} route shares: FastAPI's 404/405 for unknown routes (before
 * authentication, as FastAPI matches routes first), 413 over the body limit, 500 without a stack
 * trace, token errors, and path parameters that try to climb out of their route.
 */
class ApiErrorsContractTest {
  @TempDir Path home;
  @TempDir Path otherHome;
  @AutoClose private ApiTestServer api;

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return ApiTestServer.JSON.readTree(response.body());
  }

  @Test
  void unknownRoutesAreNotFoundAndWrongMethodsNotAllowed() throws Exception {
    api = ApiTestServer.start(Dialect.H2, home);
    for (String token : java.util.Arrays.asList(null, api.op())) {
      HttpResponse<String> unknown = api.send("GET", "/api/v2/nothing/here", token, null);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(json(unknown).path("detail").asText()).isEqualTo("Not Found");
      assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/json");

      HttpResponse<String> wrongMethod = api.send("PUT", "/api/v2/pools", token, "{}");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(json(wrongMethod).path("detail").asText()).isEqualTo("Method Not Allowed");
      assertThat(wrongMethod.headers().firstValue("Allow").orElse(""))
          .contains("GET")
          .contains("POST")
          .contains("PATCH");
    }
    // A known route asks for a token first.
    JsonNode anonymous = api.call(401, "GET", "/api/v2/pools", null, null);
    assertThat(anonymous.path("detail").asText()).isEqualTo("Not authenticated");
    // The public routes stay public.
    api.call(200, "GET", "/api/v2/monitor/health", null, null);
    assertThat(api.send("GET", "/api/v2/version", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensThatAreExpiredOrForgedAreRefused() throws Exception {
    api = ApiTestServer.start(Dialect.H2, home);
    SimpleAuthManager past =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_USERS", "ada:admin,otto:op,ulla:user,vera:viewer"),
            home,
            Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)));
    String expired = past.issueToken(new SimpleUser("ada", Role.ADMIN));
    JsonNode stale = api.call(401, "GET", "/api/v2/eventLogs", expired, null);
    assertThat(stale.path("detail").asText()).isEqualTo("Token Expired");

    SimpleAuthManager stranger =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "ada:admin"), otherHome);
    String forged = stranger.issueToken(new SimpleUser("ada", Role.ADMIN));
    for (String bad : List.of(forged, "not.a.jwt", "' OR 1=1 --")) {
      JsonNode refused = api.call(403, "GET", "/api/v2/jobs", bad, null);
      assertThat(refused.path("detail").asText()).isEqualTo("Invalid JWT token");
    }
  }

  @Test
  void bodiesOverTheLimitAreRefusedBeforeBeingRead() throws Exception {
    api = ApiTestServer.withSettings(Dialect.H2, home, b -> b.maxBodyBytes(64));
    String small = "{\"name\": \"p\", \"slots\": 1}";
    api.call(201, "POST", "/api/v2/pools", api.op(), small);
    String big = "{\"name\": \"q\", \"slots\": 1, \"description\": \"" + "x".repeat(200) + "\"}";
    // The spec declares no 413 (Airflow sets no limit): checked directly.
    HttpResponse<String> declared = api.send("POST", "/api/v2/pools", api.op(), big);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(json(declared).path("detail").asText()).contains("64 bytes");

    // Chunked: no Content-Length, so the body is counted as it is read.
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v2/pools"))
            .header("Authorization", "Bearer " + api.op())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).path("detail").asText()).contains("64 bytes");
    // Neither oversized pool was created.
    JsonNode pools = api.call(200, "GET", "/api/v2/pools", api.op(), null);
    assertThat(pools.path("pools").findValuesAsText("name")).containsExactly("default_pool", "p");
  }

  @Test
  void anUnknownCharsetInContentTypeIsReadAsUtf8NotAServerError() throws Exception {
    api = ApiTestServer.start(Dialect.H2, home);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v2/pools"))
            .header("Authorization", "Bearer " + api.op())
            .header("Content-Type", "application/json; charset=no-such-charset")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"caf\u00e9\", \"slots\": 2}"))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(
            api.call(200, "GET", "/api/v2/pools/caf%C3%A9", api.op(), null).path("slots").asInt())
        .isEqualTo(2);
  }

  @Test
  void theDefaultLimitIsTenMebibytes() throws Exception {
    api = ApiTestServer.start(Dialect.H2, home);
    // Over Javalin's own 1 MB default but under 10 MiB: read and stored.
    String twoMb =
        "{\"name\": \"q\", \"slots\": 1, \"description\": \"" + "x".repeat(2_000_000) + "\"}";
    HttpResponse<String> accepted = api.send("POST", "/api/v2/pools", api.op(), twoMb);
    assertThat(accepted.statusCode()).isEqualTo(201);
    String elevenMb = "\"" + "x".repeat(11 * 1024 * 1024) + "\"";
    HttpResponse<String> refused = api.send("POST", "/api/v2/pools", api.op(), elevenMb);
    assertThat(refused.statusCode()).isEqualTo(413);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void bugsAreAnInternalServerErrorWithoutDetails(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    api.db().withHandle(handle -> handle.execute("DROP TABLE log"));
    HttpResponse<String> broken = api.send("GET", "/api/v2/eventLogs", api.op(), null);
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).isEqualTo("{\"detail\":\"Internal Server Error\"}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void sqlLookingFilterValuesMatchNothingAndBreakNothing(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    String injection = java.net.URLEncoder.encode("x'; DROP TABLE log; --", StandardCharsets.UTF_8);
    for (String path :
        List.of(
            "/api/v2/eventLogs?dag_id=" + injection,
            "/api/v2/eventLogs?included_events=" + injection,
            "/api/v2/eventLogs?event_pattern=" + injection,
            "/api/v2/jobs?job_type=" + injection,
            "/api/v2/pools?pool_name_pattern=" + injection)) {
      JsonNode page = api.call(200, "GET", path, api.op(), null);
      assertThat(page.path("total_entries").asLong()).as(path).isZero();
    }
    api.call(201, "POST", "/api/v2/pools", api.op(), "{\"name\": \"still\", \"slots\": 1}");
    JsonNode logs = api.call(200, "GET", "/api/v2/eventLogs", api.op(), null);
    assertThat(logs.path("total_entries").asLong()).isEqualTo(1);
  }
}
