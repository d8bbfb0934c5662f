package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.web.auth.Role;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The public API on a real port over a fresh database, for the contract tests: users ada (admin),
 * otto (op), ulla (user) and vera (viewer); every response checked against the OpenAPI document the
 * server itself serves.
 */
final class ApiTestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final TestDatabases.TestDatabase database;
  private final SimpleAuthManager auth;
  private final ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SpecValidator spec;
  private volatile String neverRevealed;

  private ApiTestServer(Dialect dialect, Path home, SecretCipher cipher) throws Exception {
    database = TestDatabases.fresh(dialect);
    auth =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_USERS", "ada:admin,otto:op,ulla:user,vera:viewer"), home);
    server =
        ApiServer.builder(database.db(), auth)
            .host("127.0.0.1")
            .port(0)
            .routes(new PublicApi(database.db(), auth, Clock.systemUTC(), cipher))
            .start();
    HttpResponse<String> served = send("GET", "/api/v2/openapi.json", null, null);
    assertThat(served.statusCode()).isEqualTo(200);
    spec = new SpecValidator(served.body());
  }

  /** Starts on {@code dialect}, with the users' passwords under {@code home}. */
  static ApiTestServer start(Dialect dialect, Path home) throws Exception {
    return start(dialect, home, SecretCipher.fromBase64Key(SecretCipher.generateKey()));
  }

  /** As {@link #start(Dialect, Path)}, connection secrets encrypted by {@code cipher}. */
  static ApiTestServer start(Dialect dialect, Path home, SecretCipher cipher) throws Exception {
    return new ApiTestServer(dialect, home, cipher);
  }

  /** From now on {@link #call} also asserts that no response contains {@code secret}. */
  ApiTestServer neverRevealing(String secret) {
    this.neverRevealed = secret;
    return this;
  }

  MetadataDatabase db() {
    return database.db();
  }

  String token(String name, Role role) {
    return auth.issueToken(new SimpleUser(name, role));
  }

  /** A token of otto, who may change pools, variables and connections. */
  String op() {
    return token("otto", Role.OP);
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends, asserts the status and that the response conforms to the spec, returns the body. */
  JsonNode call(int status, String method, String path, String token, String body)
      throws Exception {
    HttpResponse<String> response = send(method, path, token, body);
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isEqualTo(status);
    spec.assertConforms(method, path, response);
    if (neverRevealed != null) {
      assertThat(response.body()).doesNotContain(neverRevealed);
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      database.close();
    }
  }
}
