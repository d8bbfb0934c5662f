package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.web.auth.Role;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/connections} on a real server and database: every response is checked against the
 * OpenAPI document the server serves (Airflow's spec), and the values against what was sent.
 */
class ConnectionsApiContractTest {
  private static final ObjectMapper JSON = ApiTestServer.JSON;
  private static final String CONNS = "/api/v2/connections";
  private static final String SECRET = "s3cr3t-Pa55";
  private static final String KEY = SecretCipher.generateKey();

  @TempDir Path home;
  @TempDir Path otherHome;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    api =
        ApiTestServer.start(dialect, home, SecretCipher.fromBase64Key(KEY)).neverRevealing(SECRET);
  }

  private static String conn(String id, String extraFields) {
    return "{\"connection_id\": \"" + id + "\", \"conn_type\": \"postgres\"" + extraFields + "}";
  }

  private ConnectionRepository repository() {
    return new ConnectionRepository(api.db(), SecretCipher.fromBase64Key(KEY));
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createsReadsPatchesAndDeletesAConnectionWithoutRevealingItsPassword(Dialect dialect)
      throws Exception {
    start(dialect);
    JsonNode created =
        api.call(
            201,
            "POST",
            CONNS,
            api.op(),
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

    JsonNode read = api.call(200, "GET", CONNS + "/warehouse", api.viewer(), null);
    assertThat(read).isEqualTo(created);

    JsonNode patched =
        api.call(
            200,
            "PATCH",
            CONNS + "/warehouse?update_mask=host",
            api.op(),
            conn("warehouse", ", \"host\": \"db2\", \"login\": \"ignored\""));
    assertThat(patched.path("host").asText()).isEqualTo("db2");
    assertThat(patched.path("login").asText()).isEqualTo("etl");
    assertThat(repository().get("warehouse").orElseThrow().password()).isEqualTo(SECRET);

    JsonNode cleared =
        api.call(
            200,
            "PATCH",
            CONNS + "/warehouse",
            api.op(),
            conn("warehouse", ", \"password\": null"));
    assertThat(cleared.path("password").isNull()).isTrue();
    assertThat(cleared.path("host").asText()).isEqualTo("db2");

    JsonNode mismatch = api.call(400, "PATCH", CONNS + "/warehouse", api.op(), conn("other", ""));
    assertThat(mismatch.path("detail").asText())
        .isEqualTo("The connection_id in the request body does not match the URL parameter");
    JsonNode patchMissing = api.call(404, "PATCH", CONNS + "/nope", api.op(), conn("nope", ""));
    assertThat(patchMissing.path("detail").asText())
        .isEqualTo("The Connection with connection_id: `nope` was not found");

    api.call(204, "DELETE", CONNS + "/warehouse", api.op(), null);
    JsonNode gone = api.call(404, "GET", CONNS + "/warehouse", api.op(), null);
    assertThat(gone.path("detail").asText())
        .isEqualTo("The Connection with connection_id: `warehouse` was not found");
    api.call(404, "DELETE", CONNS + "/warehouse", api.op(), null);

    List<EventLogRecord> events =
        new EventLogRepository(api.db())
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
      api.call(201, "POST", CONNS, api.op(), conn(id, ", \"password\": \"" + SECRET + "\""));
    }
    String viewer = api.viewer();
    JsonNode all = api.call(200, "GET", CONNS, viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    assertThat(ids(all)).containsExactly("beta", "alpha", "gamma_x");
    all.path("connections").forEach(c -> assertThat(c.path("password").asText()).isEqualTo("***"));

    JsonNode page =
        api.call(200, "GET", CONNS + "?order_by=-connection_id&limit=2&offset=1", viewer, null);
    assertThat(page.path("total_entries").asInt()).isEqualTo(3);
    assertThat(ids(page)).containsExactly("beta", "alpha");

    JsonNode byId = api.call(200, "GET", CONNS + "?order_by=conn_id", viewer, null);
    assertThat(ids(byId)).containsExactly("alpha", "beta", "gamma_x");

    JsonNode filtered =
        api.call(200, "GET", CONNS + "?connection_id_pattern=ALP%7Cgamma%5C_", viewer, null);
    assertThat(ids(filtered)).containsExactly("alpha", "gamma_x");
    assertThat(filtered.path("total_entries").asInt()).isEqualTo(2);

    HttpResponse<String> badOrder = api.send("GET", CONNS + "?order_by=password", viewer, null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'password' is disallowed or the attribute does not exist on the model");

    JsonNode badLimit = api.call(422, "GET", CONNS + "?limit=abc", viewer, null);
    assertThat(badLimit.at("/detail/0/type").asText()).isEqualTo("int_parsing");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void bulkCreatesUpdatesAndDeletes(Dialect dialect) throws Exception {
    start(dialect);
    api.call(201, "POST", CONNS, api.op(), conn("old", ""));
    JsonNode result =
        api.call(
            200,
            "PATCH",
            CONNS,
            api.op(),
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
    JsonNode a = api.call(200, "GET", CONNS + "/a", api.op(), null);
    assertThat(a.path("host").asText()).isEqualTo("h");
    assertThat(a.path("conn_type").asText()).isEqualTo("http");
    assertThat(repository().get("a").orElseThrow().password()).isEqualTo(SECRET);

    JsonNode conflict =
        api.call(
            200,
            "PATCH",
            CONNS,
            api.op(),
            "{\"actions\": [{\"action\": \"create\", \"entities\": ["
                + conn("a", "")
                + ", "
                + conn("c", "")
                + "]}, {\"action\": \"delete\", \"entities\": [\"zz\"],"
                + " \"action_on_non_existence\": \"skip\"}]}");
    assertThat(conflict.at("/create/errors/0/status_code").asInt()).isEqualTo(409);
    assertThat(conflict.at("/create/errors/0/error").asText())
        .isEqualTo("The connections with these connection_ids: {'a'} already exist.");
    // Skipped, not failed: the delete result is there, with neither successes nor errors.
    assertThat(conflict.at("/delete/success").isArray()).isTrue();
    assertThat(conflict.at("/delete/success").size()).isZero();
    assertThat(conflict.at("/delete/errors").isArray()).isTrue();
    assertThat(conflict.at("/delete/errors").size()).isZero();
    api.call(404, "GET", CONNS + "/c", api.op(), null);

    JsonNode badTag =
        api.call(
            422,
            "PATCH",
            CONNS,
            api.op(),
            "{\"actions\": [{\"action\": \"upsert\", \"entities\": []}]}");
    assertThat(badTag.at("/detail/0/type").asText()).isEqualTo("union_tag_invalid");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void answersAuthFailuresAsAirflow(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode missing = api.call(401, "GET", CONNS, null, null);
    assertThat(missing.path("detail").asText()).isEqualTo("Not authenticated");

    SimpleAuthManager stranger =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "ada:admin"), otherHome);
    String forged = stranger.issueToken(new SimpleUser("ada", Role.ADMIN));
    JsonNode invalid = api.call(403, "GET", CONNS, forged, null);
    assertThat(invalid.path("detail").asText()).isEqualTo("Invalid JWT token");

    String viewer = api.viewer();
    api.call(200, "GET", CONNS, viewer, null);
    for (String who : List.of("vera", "ulla")) {
      Role role = who.equals("vera") ? Role.VIEWER : Role.USER;
      JsonNode forbidden = api.call(403, "POST", CONNS, api.token(who, role), conn("p", ""));
      assertThat(forbidden.path("detail").asText()).isEqualTo("Forbidden");
    }
    api.call(403, "DELETE", CONNS + "/p", viewer, null);
    api.call(403, "PATCH", CONNS, viewer, "{\"actions\": []}");
    api.call(201, "POST", CONNS, api.admin(), conn("p", ""));
    JsonNode testing = api.call(403, "POST", CONNS + "/test", api.op(), conn("p", ""));
    assertThat(testing.path("detail").asText())
        .isEqualTo(
            "Testing connections is disabled in Airflow configuration. Contact your deployment"
                + " admin to enable it.");
    api.call(422, "POST", CONNS + "/test", api.op(), "{\"conn_type\": \"http\"}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void rejectsBadBodiesWithFastApisErrors(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode malformed = api.call(422, "POST", CONNS, api.op(), "{\"connection_id\": ");
    assertThat(malformed.at("/detail/0/type").asText()).isEqualTo("json_invalid");
    // Text after the object is malformed too, not silently ignored.
    JsonNode trailing = api.call(422, "POST", CONNS, api.op(), conn("extra_brace", "") + "}");
    assertThat(trailing.at("/detail/0/type").asText()).isEqualTo("json_invalid");
    assertThat(repository().exists("extra_brace")).isFalse();

    JsonNode wrongTypes =
        api.call(
            422,
            "POST",
            CONNS,
            api.op(),
            "{\"connection_id\": 7, \"conn_type\": \"http\", \"port\": \"many\"}");
    assertThat(wrongTypes.path("detail").findValuesAsText("type"))
        .containsExactlyInAnyOrder("string_type", "int_type");
    assertThat(wrongTypes.at("/detail/1/loc").toString()).isEqualTo("[\"body\",\"port\"]");

    JsonNode extra = api.call(422, "POST", CONNS, api.op(), conn("p", ", \"colour\": \"red\""));
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    assertThat(extra.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"colour\"]");

    JsonNode missing = api.call(422, "POST", CONNS, api.op(), "{\"connection_id\": \"x\"}");
    assertThat(missing.path("detail").findValuesAsText("type")).containsExactly("missing");
    assertThat(missing.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"conn_type\"]");

    JsonNode badId = api.call(422, "POST", CONNS, api.op(), conn("no spaces", ""));
    assertThat(badId.at("/detail/0/type").asText()).isEqualTo("string_pattern_mismatch");

    api.call(201, "POST", CONNS, api.op(), conn("p", ", \"host\": \"first\""));
    JsonNode duplicate =
        api.call(409, "POST", CONNS, api.op(), conn("p", ", \"host\": \"second\""));
    assertThat(duplicate.at("/detail/reason").asText()).isEqualTo("Unique constraint violation");
    assertThat(api.call(200, "GET", CONNS + "/p", api.op(), null).path("host").asText())
        .isEqualTo("first");
  }

  private static List<String> ids(JsonNode collection) {
    return ApiTestServer.texts(collection, "connections", "connection_id");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void withoutASecretKeyAPasswordIsRefusedWithAClearErrorAndNothingIsStored(Dialect dialect)
      throws Exception {
    api = ApiTestServer.start(dialect, home, SecretCipher.withoutKey());

    HttpResponse<String> refused =
        api.send("POST", CONNS, api.op(), conn("vault", ", \"password\": \"" + SECRET + "\""));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(JSON.readTree(refused.body()).path("detail").asText())
        .contains(SecretCipher.KEY_VARIABLE + " is not set");
    assertThat(refused.body()).doesNotContain(SECRET);
    api.call(404, "GET", CONNS + "/vault", api.op(), null);
    api.call(201, "POST", CONNS, api.op(), conn("plain", ", \"host\": \"h\""));
  }
}
