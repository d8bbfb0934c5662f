package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/connections} on a real server and database: every response is checked against the
 * OpenAPI document the server serves (Airflow's spec), and the values against what was sent.
 */
class ConnectionsApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNS = "/api/v2/connections";
  private static final String SECRET = "s3cr3t-Pa55";
  private static final String KEY = SecretCipher.generateKey();

  @TempDir Path home;
  @TempDir Path otherHome;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();
  private TestDatabases.TestDatabase database;
  private SimpleAuthManager auth;
  private ApiServer server;
  private SpecValidator spec;

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private void start(Dialect dialect) throws Exception {
    database = TestDatabases.fresh(dialect);
    open.add(database);
    auth =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_USERS", "ada:admin,otto:op,ulla:user,vera:viewer"), home);
    server =
        ApiServer.builder(database.db(), auth)
            .host("127.0.0.1")
            .port(0)
            .routes(
                new PublicApi(
                    database.db(), auth, Clock.systemUTC(), SecretCipher.fromBase64Key(KEY)))
            .start();
    open.add(server);
    HttpResponse<String> served = send("GET", "/api/v2/openapi.json", null, null);
    assertThat(served.statusCode()).isEqualTo(200);
    spec = new SpecValidator(served.body());
  }

  private String token(String name, Role role) {
    return auth.issueToken(new SimpleUser(name, role));
  }

  private String op() {
    return token("otto", Role.OP);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
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
  private JsonNode call(int status, String method, String path, String token, String body)
      throws Exception {
    HttpResponse<String> response = send(method, path, token, body);
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isEqualTo(status);
    spec.assertConforms(method, path, response);
    assertThat(response.body()).doesNotContain(SECRET);
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  private static String conn(String id, String extraFields) {
    return "{\"connection_id\": \"" + id + "\", \"conn_type\": \"postgres\"" + extraFields + "}";
  }

  private ConnectionRepository repository() {
    return new ConnectionRepository(database.db(), SecretCipher.fromBase64Key(KEY));
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createsReadsPatchesAndDeletesAConnectionWithoutRevealingItsPassword(Dialect dialect)
      throws Exception {
    start(dialect);
    JsonNode created =
        call(
            201,
            "POST",
            CONNS,
            op(),
            conn(
                "warehouse",
                ", \"host\": \"db.local\", \"port\": 5432, \"login\": \"etl\","
                    + " \"password\": \""
                    + SECRET
                    + "\", \"extra\": \"{\\\"api_token\\\": \\\""
                    + SECRET
                    + "\\\", \\\"region\\\": \\\"eu\\\"}\""));
    assertThat(created.path("connection_id").asText()).isEqualTo("warehouse");
    assertThat(created.path("port").asInt()).isEqualTo(5432);
    assertThat(created.path("password").asText()).isEqualTo("***");
    assertThat(created.path("extra").asText())
        .isEqualTo("{\"api_token\": \"***\", \"region\": \"eu\"}");

    // Stored encrypted, decrypting to what was posted.
    String stored = repository().storedPassword("warehouse").orElseThrow();
    assertThat(stored).startsWith(SecretCipher.PREFIX).doesNotContain(SECRET);
    assertThat(repository().get("warehouse").orElseThrow().password()).isEqualTo(SECRET);

    JsonNode read = call(200, "GET", CONNS + "/warehouse", token("vera", Role.VIEWER), null);
    assertThat(read).isEqualTo(created);

    JsonNode patched =
        call(
            200,
            "PATCH",
            CONNS + "/warehouse?update_mask=host",
            op(),
            conn("warehouse", ", \"host\": \"db2\", \"login\": \"ignored\"}"));
    assertThat(patched.path("host").asText()).isEqualTo("db2");
    assertThat(patched.path("login").asText()).isEqualTo("etl");
    assertThat(repository().get("warehouse").orElseThrow().password()).isEqualTo(SECRET);

    JsonNode cleared =
        call(200, "PATCH", CONNS + "/warehouse", op(), conn("warehouse", ", \"password\": null"));
    assertThat(cleared.path("password").isNull()).isTrue();
    assertThat(cleared.path("host").asText()).isEqualTo("db2");

    JsonNode mismatch = call(400, "PATCH", CONNS + "/warehouse", op(), conn("other", ""));
    assertThat(mismatch.path("detail").asText())
        .isEqualTo("The connection_id in the request body does not match the URL parameter");
    JsonNode patchMissing = call(404, "PATCH", CONNS + "/nope", op(), conn("nope", ""));
    assertThat(patchMissing.path("detail").asText())
        .isEqualTo("The Connection with connection_id: `nope` was not found");

    call(204, "DELETE", CONNS + "/warehouse", op(), null);
    JsonNode gone = call(404, "GET", CONNS + "/warehouse", op(), null);
    assertThat(gone.path("detail").asText())
        .isEqualTo("The Connection with connection_id: `warehouse` was not found");
    call(404, "DELETE", CONNS + "/warehouse", op(), null);

    List<EventLogRecord> events =
        new EventLogRepository(database.db())
            .list(20).stream().filter(e -> "otto".equals(e.owner())).toList();
    assertThat(events.stream().map(EventLogRecord::event))
        .contains("post_connection", "patch_connection", "delete_connection");
    assertThat(events.toString()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsPagesOrdersAndFilters(Dialect dialect) throws Exception {
    start(dialect);
    for (String id : List.of("beta", "alpha", "gamma_x")) {
      call(201, "POST", CONNS, op(), conn(id, ", \"password\": \"" + SECRET + "\""));
    }
    String viewer = token("vera", Role.VIEWER);
    JsonNode all = call(200, "GET", CONNS, viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    assertThat(ids(all)).containsExactly("beta", "alpha", "gamma_x");
    all.path("connections").forEach(c -> assertThat(c.path("password").asText()).isEqualTo("***"));

    JsonNode page =
        call(200, "GET", CONNS + "?order_by=-connection_id&limit=2&offset=1", viewer, null);
    assertThat(page.path("total_entries").asInt()).isEqualTo(3);
    assertThat(ids(page)).containsExactly("beta", "alpha");

    JsonNode byId = call(200, "GET", CONNS + "?order_by=conn_id", viewer, null);
    assertThat(ids(byId)).containsExactly("alpha", "beta", "gamma_x");

    JsonNode filtered =
        call(200, "GET", CONNS + "?connection_id_pattern=ALP%7Cgamma%5C_", viewer, null);
    assertThat(ids(filtered)).containsExactly("alpha", "gamma_x");
    assertThat(filtered.path("total_entries").asInt()).isEqualTo(2);

    HttpResponse<String> badOrder = send("GET", CONNS + "?order_by=password", viewer, null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'password' is disallowed or the attribute does not exist on the model");

    JsonNode badLimit = call(422, "GET", CONNS + "?limit=abc", viewer, null);
    assertThat(badLimit.at("/detail/0/type").asText()).isEqualTo("int_parsing");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void bulkCreatesUpdatesAndDeletes(Dialect dialect) throws Exception {
    start(dialect);
    call(201, "POST", CONNS, op(), conn("old", ""));
    JsonNode result =
        call(
            200,
            "PATCH",
            CONNS,
            op(),
            """
            {"actions": [
              {"action": "create", "entities": [
                {"connection_id": "a", "conn_type": "http", "password": "%s"},
                {"connection_id": "b", "conn_type": "http"}]},
              {"action": "update", "entities": [
                {"connection_id": "a", "conn_type": "ftp", "host": "h"}], "update_mask": ["host"]},
              {"action": "delete", "entities": ["old"]}
            ]}"""
                .formatted(SECRET));
    assertThat(result.at("/create/success").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(result.at("/update/success").toString()).isEqualTo("[\"a\"]");
    assertThat(result.at("/delete/success").toString()).isEqualTo("[\"old\"]");
    JsonNode a = call(200, "GET", CONNS + "/a", op(), null);
    assertThat(a.path("host").asText()).isEqualTo("h");
    assertThat(a.path("conn_type").asText()).isEqualTo("http");
    assertThat(repository().get("a").orElseThrow().password()).isEqualTo(SECRET);

    JsonNode conflict =
        call(
            200,
            "PATCH",
            CONNS,
            op(),
            "{\"actions\": [{\"action\": \"create\", \"entities\": ["
                + conn("a", "")
                + ", "
                + conn("c", "")
                + "]}, {\"action\": \"delete\", \"entities\": [\"zz\"],"
                + " \"action_on_non_existence\": \"skip\"}]}");
    assertThat(conflict.at("/create/errors/0/status_code").asInt()).isEqualTo(409);
    assertThat(conflict.at("/create/errors/0/error").asText())
        .isEqualTo("The connections with these connection_ids: {'a'} already exist.");
    assertThat(conflict.at("/delete/success").size()).isZero();
    call(404, "GET", CONNS + "/c", op(), null);

    JsonNode badTag =
        call(
            422,
            "PATCH",
            CONNS,
            op(),
            "{\"actions\": [{\"action\": \"upsert\", \"entities\": []}]}");
    assertThat(badTag.at("/detail/0/type").asText()).isEqualTo("union_tag_invalid");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void answersAuthFailuresAsAirflow(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode missing = call(401, "GET", CONNS, null, null);
    assertThat(missing.path("detail").asText()).isEqualTo("Not authenticated");

    SimpleAuthManager stranger =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "ada:admin"), otherHome);
    String forged = stranger.issueToken(new SimpleUser("ada", Role.ADMIN));
    JsonNode invalid = call(403, "GET", CONNS, forged, null);
    assertThat(invalid.path("detail").asText()).isEqualTo("Invalid JWT token");

    String viewer = token("vera", Role.VIEWER);
    call(200, "GET", CONNS, viewer, null);
    for (String who : List.of("vera", "ulla")) {
      Role role = who.equals("vera") ? Role.VIEWER : Role.USER;
      JsonNode forbidden = call(403, "POST", CONNS, token(who, role), conn("p", ""));
      assertThat(forbidden.path("detail").asText()).isEqualTo("Forbidden");
    }
    call(403, "DELETE", CONNS + "/p", viewer, null);
    call(403, "PATCH", CONNS, viewer, "{\"actions\": []}");
    call(201, "POST", CONNS, token("ada", Role.ADMIN), conn("p", ""));
    JsonNode testing = call(403, "POST", CONNS + "/test", op(), conn("p", ""));
    assertThat(testing.path("detail").asText())
        .isEqualTo(
            "Testing connections is disabled in Airflow configuration. Contact your deployment"
                + " admin to enable it.");
    call(422, "POST", CONNS + "/test", op(), "{\"conn_type\": \"http\"}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void rejectsBadBodiesWithFastApisErrors(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode malformed = call(422, "POST", CONNS, op(), "{\"connection_id\": ");
    assertThat(malformed.at("/detail/0/type").asText()).isEqualTo("json_invalid");

    JsonNode wrongTypes =
        call(
            422,
            "POST",
            CONNS,
            op(),
            "{\"connection_id\": 7, \"conn_type\": \"http\", \"port\": \"many\"}");
    assertThat(wrongTypes.path("detail").findValuesAsText("type"))
        .containsExactlyInAnyOrder("string_type", "int_type");
    assertThat(wrongTypes.at("/detail/1/loc").toString()).isEqualTo("[\"body\",\"port\"]");

    JsonNode extra = call(422, "POST", CONNS, op(), conn("p", ", \"colour\": \"red\""));
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    assertThat(extra.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"colour\"]");

    JsonNode missing = call(422, "POST", CONNS, op(), "{\"connection_id\": \"x\"}");
    assertThat(missing.path("detail").findValuesAsText("type")).containsExactly("missing");
    assertThat(missing.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"conn_type\"]");

    JsonNode badId = call(422, "POST", CONNS, op(), conn("no spaces", ""));
    assertThat(badId.at("/detail/0/type").asText()).isEqualTo("string_pattern_mismatch");

    call(201, "POST", CONNS, op(), conn("p", ", \"host\": \"first\""));
    JsonNode duplicate = call(409, "POST", CONNS, op(), conn("p", ", \"host\": \"second\""));
    assertThat(duplicate.at("/detail/reason").asText()).isEqualTo("Unique constraint violation");
    assertThat(call(200, "GET", CONNS + "/p", op(), null).path("host").asText()).isEqualTo("first");
  }

  private static List<String> ids(JsonNode collection) {
    List<String> ids = new ArrayList<>();
    collection.path("connections").forEach(c -> ids.add(c.path("connection_id").asText()));
    return ids;
  }
}
