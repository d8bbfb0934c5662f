package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
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
 * {@code /api/v2/variables} on a real server and database: every response is checked against the
 * OpenAPI document the server serves (Airflow's spec), and the values against what was sent.
 */
class VariablesApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VARS = "/api/v2/variables";

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
            .routes(new PublicApi(database.db(), auth, Clock.systemUTC()))
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
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createsReadsPatchesAndDeletesAVariable(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode created =
        call(
            201,
            "POST",
            VARS,
            op(),
            "{\"key\": \"region\", \"value\": \"eu\", \"description\": \"where\"}");
    assertThat(created.path("key").asText()).isEqualTo("region");
    assertThat(created.path("value").asText()).isEqualTo("eu");
    assertThat(created.path("description").asText()).isEqualTo("where");
    assertThat(created.path("is_encrypted").asBoolean()).isFalse();

    JsonNode read = call(200, "GET", VARS + "/region", token("vera", Role.VIEWER), null);
    assertThat(read).isEqualTo(created);

    JsonNode json =
        call(201, "POST", VARS, op(), "{\"key\": \"conf\", \"value\": {\"a\": [1, true]}}");
    assertThat(json.path("value").asText()).isEqualTo("{\"a\":[1,true]}");
    assertThat(json.path("description").isNull()).isTrue();
    JsonNode number = call(201, "POST", VARS, op(), "{\"key\": \"n\", \"value\": 5}");
    assertThat(number.path("value").asText()).isEqualTo("5");

    JsonNode secret =
        call(201, "POST", VARS, op(), "{\"key\": \"db_PASSWORD\", \"value\": \"hunter2\"}");
    assertThat(secret.path("value").asText()).isEqualTo("***");
    assertThat(new dev.updraft.metadata.state.VariableRepository(database.db()).get("db_PASSWORD"))
        .contains("hunter2");

    JsonNode patched =
        call(
            200,
            "PATCH",
            VARS + "/region?update_mask=value",
            op(),
            "{\"key\": \"region\", \"value\": \"us\", \"description\": \"ignored\"}");
    assertThat(patched.path("value").asText()).isEqualTo("us");
    assertThat(patched.path("description").asText()).isEqualTo("where");

    JsonNode replaced =
        call(
            200,
            "PATCH",
            VARS + "/region",
            op(),
            "{\"key\": \"region\", \"value\": \"ap\", \"description\": null}");
    assertThat(replaced.path("value").asText()).isEqualTo("ap");
    assertThat(replaced.path("description").isNull()).isTrue();

    JsonNode mismatch =
        call(400, "PATCH", VARS + "/region", op(), "{\"key\": \"other\", \"value\": \"x\"}");
    assertThat(mismatch.path("detail").asText())
        .isEqualTo("Invalid body, key from request body doesn't match uri parameter");
    JsonNode patchMissing =
        call(404, "PATCH", VARS + "/nope", op(), "{\"key\": \"nope\", \"value\": \"x\"}");
    assertThat(patchMissing.path("detail").asText())
        .isEqualTo("The Variable with key: `nope` was not found");

    call(201, "POST", VARS, op(), "{\"key\": \"team/a\", \"value\": \"x\"}");
    assertThat(send("GET", VARS + "/team/a", op(), null).body()).contains("\"key\":\"team/a\"");
    assertThat(send("DELETE", VARS + "/team/a", op(), null).statusCode()).isEqualTo(204);
    call(204, "DELETE", VARS + "/region", op(), null);
    JsonNode gone = call(404, "GET", VARS + "/region", op(), null);
    assertThat(gone.path("detail").asText())
        .isEqualTo("The Variable with key: `region` was not found");
    call(404, "DELETE", VARS + "/region", op(), null);

    List<String> events =
        new EventLogRepository(database.db())
            .list(20).stream()
                .filter(e -> "otto".equals(e.owner()))
                .map(EventLogRecord::event)
                .toList();
    assertThat(events).contains("post_variable", "patch_variable", "delete_variable");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsPagesOrdersAndFilters(Dialect dialect) throws Exception {
    start(dialect);
    for (String key : List.of("beta", "alpha", "gamma_x")) {
      call(201, "POST", VARS, op(), "{\"key\": \"" + key + "\", \"value\": \"v-" + key + "\"}");
    }
    String viewer = token("vera", Role.VIEWER);
    JsonNode all = call(200, "GET", VARS, viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    assertThat(keys(all)).containsExactly("beta", "alpha", "gamma_x");

    JsonNode page = call(200, "GET", VARS + "?order_by=-key&limit=2&offset=1", viewer, null);
    assertThat(page.path("total_entries").asInt()).isEqualTo(3);
    assertThat(keys(page)).containsExactly("beta", "alpha");

    JsonNode byValue = call(200, "GET", VARS + "?order_by=_val", viewer, null);
    assertThat(keys(byValue)).containsExactly("alpha", "beta", "gamma_x");

    JsonNode filtered =
        call(200, "GET", VARS + "?variable_key_pattern=ALP%7Cgamma%5C_", viewer, null);
    assertThat(keys(filtered)).containsExactly("alpha", "gamma_x");
    assertThat(filtered.path("total_entries").asInt()).isEqualTo(2);

    HttpResponse<String> badOrder = send("GET", VARS + "?order_by=value", viewer, null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'value' is disallowed or the attribute does not exist on the model");

    JsonNode badLimit = call(422, "GET", VARS + "?limit=abc", viewer, null);
    assertThat(badLimit.at("/detail/0/type").asText()).isEqualTo("int_parsing");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void bulkCreatesUpdatesAndDeletes(Dialect dialect) throws Exception {
    start(dialect);
    call(201, "POST", VARS, op(), "{\"key\": \"old\", \"value\": \"1\"}");
    JsonNode result =
        call(
            200,
            "PATCH",
            VARS,
            op(),
            """
            {"actions": [
              {"action": "create", "entities": [{"key": "a", "value": "2"}, {"key": "b", "value": "3"}]},
              {"action": "update", "entities": [{"key": "a", "value": "5", "description": "d"}],
               "update_mask": ["value"]},
              {"action": "delete", "entities": ["old"]}
            ]}""");
    assertThat(result.at("/create/success").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(result.at("/update/success").toString()).isEqualTo("[\"a\"]");
    assertThat(result.at("/delete/success").toString()).isEqualTo("[\"old\"]");
    JsonNode a = call(200, "GET", VARS + "/a", op(), null);
    assertThat(a.path("value").asText()).isEqualTo("5");
    assertThat(a.path("description").isNull()).isTrue();

    JsonNode conflict =
        call(
            200,
            "PATCH",
            VARS,
            op(),
            "{\"actions\": [{\"action\": \"create\", \"entities\": [{\"key\": \"a\", \"value\": \"1\"},"
                + " {\"key\": \"c\", \"value\": \"1\"}]}, {\"action\": \"delete\", \"entities\": [\"zz\"],"
                + " \"action_on_non_existence\": \"skip\"}, {\"action\": \"update\","
                + " \"entities\": [{\"key\": \"zz\", \"value\": \"1\"}]}]}");
    assertThat(conflict.at("/create/errors/0/status_code").asInt()).isEqualTo(409);
    assertThat(conflict.at("/create/errors/0/error").asText())
        .isEqualTo("The variables with these keys: {'a'} already exist.");
    assertThat(conflict.at("/delete/success").size()).isZero();
    assertThat(conflict.at("/update/errors/0/error").asText())
        .isEqualTo("The variables with these keys: {'zz'} were not found.");
    call(404, "GET", VARS + "/c", op(), null);

    JsonNode overwrite =
        call(
            200,
            "PATCH",
            VARS,
            op(),
            "{\"actions\": [{\"action\": \"create\", \"action_on_existence\": \"overwrite\","
                + " \"entities\": [{\"key\": \"a\", \"value\": \"9\"}]}]}");
    assertThat(overwrite.at("/create/success").toString()).isEqualTo("[\"a\"]");
    assertThat(call(200, "GET", VARS + "/a", op(), null).path("value").asText()).isEqualTo("9");

    JsonNode badTag =
        call(
            422,
            "PATCH",
            VARS,
            op(),
            "{\"actions\": [{\"action\": \"upsert\", \"entities\": []}]}");
    assertThat(badTag.at("/detail/0/type").asText()).isEqualTo("union_tag_invalid");

    List<String> events =
        new EventLogRepository(database.db())
            .list(20).stream()
                .filter(e -> "otto".equals(e.owner()))
                .map(EventLogRecord::event)
                .toList();
    assertThat(events).contains("bulk_variables");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void answersAuthFailuresAsAirflow(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode missing = call(401, "GET", VARS, null, null);
    assertThat(missing.path("detail").asText()).isEqualTo("Not authenticated");

    String viewer = token("vera", Role.VIEWER);
    call(200, "GET", VARS, viewer, null);
    for (String who : List.of("vera", "ulla")) {
      Role role = who.equals("vera") ? Role.VIEWER : Role.USER;
      JsonNode forbidden =
          call(403, "POST", VARS, token(who, role), "{\"key\": \"k\", \"value\": \"v\"}");
      assertThat(forbidden.path("detail").asText()).isEqualTo("Forbidden");
    }
    call(403, "DELETE", VARS + "/k", viewer, null);
    call(403, "PATCH", VARS, viewer, "{\"actions\": []}");
    call(201, "POST", VARS, token("ada", Role.ADMIN), "{\"key\": \"k\", \"value\": \"v\"}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void rejectsBadBodiesWithFastApisErrors(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode malformed = call(422, "POST", VARS, op(), "{\"key\": ");
    assertThat(malformed.at("/detail/0/type").asText()).isEqualTo("json_invalid");

    JsonNode wrongTypes =
        call(422, "POST", VARS, op(), "{\"key\": 7, \"value\": \"v\", \"description\": 3}");
    assertThat(wrongTypes.path("detail").findValuesAsText("type"))
        .containsExactly("string_type", "string_type");
    assertThat(wrongTypes.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"key\"]");

    JsonNode extra =
        call(422, "POST", VARS, op(), "{\"key\": \"k\", \"value\": \"v\", \"colour\": \"red\"}");
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    assertThat(extra.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"colour\"]");

    JsonNode missing = call(422, "POST", VARS, op(), "{\"key\": \"k\"}");
    assertThat(missing.at("/detail/0/type").asText()).isEqualTo("missing");
    assertThat(missing.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"value\"]");

    JsonNode tooLong =
        call(422, "POST", VARS, op(), "{\"key\": \"" + "k".repeat(251) + "\", \"value\": \"v\"}");
    assertThat(tooLong.at("/detail/0/type").asText()).isEqualTo("string_too_long");

    call(201, "POST", VARS, op(), "{\"key\": \"k\", \"value\": \"v\"}");
    JsonNode duplicate = call(409, "POST", VARS, op(), "{\"key\": \"k\", \"value\": \"w\"}");
    assertThat(duplicate.path("detail").asText())
        .isEqualTo("The Variable with key: `k` already exists");
    assertThat(call(200, "GET", VARS + "/k", op(), null).path("value").asText()).isEqualTo("v");
  }

  private static List<String> keys(JsonNode collection) {
    List<String> keys = new ArrayList<>();
    collection.path("variables").forEach(v -> keys.add(v.path("key").asText()));
    return keys;
  }
}
