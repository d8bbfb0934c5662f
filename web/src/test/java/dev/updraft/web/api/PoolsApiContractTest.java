package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.web.auth.Role;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/pools} on a real server and database: every response is checked against the
 * OpenAPI document the server serves (Airflow's spec), and the values against what was sent.
 */
class PoolsApiContractTest {
  private static final ObjectMapper JSON = ApiTestServer.JSON;
  private static final String POOLS = "/api/v2/pools";

  @TempDir Path home;
  @TempDir Path otherHome;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void servesAirflowsSpecWithoutAToken(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode served = JSON.readTree(api.send("GET", "/api/v2/openapi.json", null, null).body());
    assertThat(served.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(served.path("paths").has("/api/v2/pools/{pool_name}")).isTrue();
    assertThat(served.at("/components/schemas/PoolResponse/required").size()).isEqualTo(9);
    HttpResponse<String> docs = api.send("GET", "/api/v2/docs", null, null);
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/v2/openapi.json");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createsReadsPatchesAndDeletesAPool(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode created =
        api.call(
            201,
            "POST",
            POOLS,
            api.op(),
            "{\"name\": \"etl\", \"slots\": 4, \"description\": \"nightly\"}");
    assertThat(created.path("name").asText()).isEqualTo("etl");
    assertThat(created.path("slots").asInt()).isEqualTo(4);
    assertThat(created.path("open_slots").asInt()).isEqualTo(4);
    assertThat(created.path("include_deferred").asBoolean()).isFalse();

    JsonNode read = api.call(200, "GET", POOLS + "/etl", api.viewer(), null);
    assertThat(read).isEqualTo(created);

    JsonNode patched =
        api.call(
            200,
            "PATCH",
            POOLS + "/etl?update_mask=slots",
            api.op(),
            "{\"slots\": 9, \"description\": \"ignored\"}");
    assertThat(patched.path("slots").asInt()).isEqualTo(9);
    assertThat(patched.path("description").asText()).isEqualTo("nightly");

    JsonNode replaced =
        api.call(200, "PATCH", POOLS + "/etl", api.op(), "{\"pool\": \"etl2\", \"slots\": 2}");
    assertThat(replaced.path("name").asText()).isEqualTo("etl2");
    assertThat(replaced.path("slots").asInt()).isEqualTo(2);

    JsonNode defaultPool =
        api.call(
            200, "PATCH", POOLS + "/default_pool?update_mask=slots", api.op(), "{\"slots\": 64}");
    assertThat(defaultPool.path("slots").asInt()).isEqualTo(64);
    JsonNode renameDefault =
        api.call(
            400, "PATCH", POOLS + "/default_pool", api.op(), "{\"pool\": \"x\", \"slots\": 1}");
    assertThat(renameDefault.path("detail").asText())
        .isEqualTo("Only slots and included_deferred can be modified on Default Pool");

    api.call(204, "DELETE", POOLS + "/etl2", api.op(), null);
    JsonNode gone = api.call(404, "GET", POOLS + "/etl2", api.op(), null);
    assertThat(gone.path("detail").asText()).isEqualTo("The Pool with name: `etl2` was not found");
    api.call(404, "DELETE", POOLS + "/etl2", api.op(), null);
    JsonNode keepDefault = api.call(400, "DELETE", POOLS + "/default_pool", api.op(), null);
    assertThat(keepDefault.path("detail").asText()).isEqualTo("Default Pool can't be deleted");

    List<String> events =
        new EventLogRepository(api.db())
            .list(20).stream()
                .filter(e -> "otto".equals(e.owner()))
                .map(EventLogRecord::event)
                .toList();
    assertThat(events).contains("post_pool", "patch_pool", "delete_pool");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsPagesOrdersAndFilters(Dialect dialect) throws Exception {
    start(dialect);
    for (String name : List.of("alpha", "beta", "gamma_x")) {
      api.call(201, "POST", POOLS, api.op(), "{\"name\": \"" + name + "\", \"slots\": 1}");
    }
    String viewer = api.viewer();
    JsonNode all = api.call(200, "GET", POOLS, viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(4);
    assertThat(names(all)).containsExactly("default_pool", "alpha", "beta", "gamma_x");

    JsonNode page = api.call(200, "GET", POOLS + "?order_by=-name&limit=2&offset=1", viewer, null);
    assertThat(page.path("total_entries").asInt()).isEqualTo(4);
    assertThat(names(page)).containsExactly("default_pool", "beta");

    JsonNode filtered =
        api.call(200, "GET", POOLS + "?pool_name_pattern=ALP%7Cgamma%5C_", viewer, null);
    assertThat(names(filtered)).containsExactly("alpha", "gamma_x");
    assertThat(filtered.path("total_entries").asInt()).isEqualTo(2);

    JsonNode capped = api.call(200, "GET", POOLS + "?limit=1000", viewer, null);
    assertThat(capped.path("pools").size()).isEqualTo(4);

    HttpResponse<String> badOrder = api.send("GET", POOLS + "?order_by=slots", viewer, null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'slots' is disallowed or the attribute does not exist on the model");

    JsonNode badLimit = api.call(422, "GET", POOLS + "?limit=abc&offset=-1", viewer, null);
    assertThat(badLimit.path("detail").findValuesAsText("type"))
        .containsExactly("int_parsing", "greater_than_equal");
    assertThat(badLimit.at("/detail/0/loc").toString()).isEqualTo("[\"query\",\"limit\"]");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void bulkCreatesUpdatesAndDeletes(Dialect dialect) throws Exception {
    start(dialect);
    api.call(201, "POST", POOLS, api.op(), "{\"name\": \"old\", \"slots\": 1}");
    JsonNode result =
        api.call(
            200,
            "PATCH",
            POOLS,
            api.op(),
            """
            {"actions": [
              {"action": "create", "entities": [{"name": "a", "slots": 2}, {"name": "b", "slots": 3}]},
              {"action": "update", "entities": [{"name": "a", "slots": 5, "description": "d"}],
               "update_mask": ["slots"]},
              {"action": "delete", "entities": ["old"]}
            ]}""");
    assertThat(result.at("/create/success").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(result.at("/update/success").toString()).isEqualTo("[\"a\"]");
    assertThat(result.at("/delete/success").toString()).isEqualTo("[\"old\"]");
    JsonNode a = api.call(200, "GET", POOLS + "/a", api.op(), null);
    assertThat(a.path("slots").asInt()).isEqualTo(5);
    assertThat(a.path("description").isNull()).isTrue();

    JsonNode conflict =
        api.call(
            200,
            "PATCH",
            POOLS,
            api.op(),
            "{\"actions\": [{\"action\": \"create\", \"entities\": [{\"name\": \"a\", \"slots\": 1},"
                + " {\"name\": \"c\", \"slots\": 1}]}, {\"action\": \"delete\", \"entities\": [\"zz\"],"
                + " \"action_on_non_existence\": \"skip\"}]}");
    assertThat(conflict.at("/create/errors/0/status_code").asInt()).isEqualTo(409);
    assertThat(conflict.at("/create/errors/0/error").asText())
        .isEqualTo("The pools with these pool names: {'a'} already exist.");
    // Skipped, not failed: the delete result is there, with neither successes nor errors.
    assertThat(conflict.at("/delete/success").isArray()).isTrue();
    assertThat(conflict.at("/delete/success").size()).isZero();
    assertThat(conflict.at("/delete/errors").isArray()).isTrue();
    assertThat(conflict.at("/delete/errors").size()).isZero();
    api.call(404, "GET", POOLS + "/c", api.op(), null);

    JsonNode badTag =
        api.call(
            422,
            "PATCH",
            POOLS,
            api.op(),
            "{\"actions\": [{\"action\": \"upsert\", \"entities\": []}]}");
    assertThat(badTag.at("/detail/0/type").asText()).isEqualTo("union_tag_invalid");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void answersAuthFailuresAsAirflow(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode missing = api.call(401, "GET", POOLS, null, null);
    assertThat(missing.path("detail").asText()).isEqualTo("Not authenticated");

    SimpleAuthManager stranger =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "ada:admin"), otherHome);
    String forged = stranger.issueToken(new SimpleUser("ada", Role.ADMIN));
    JsonNode invalid = api.call(403, "GET", POOLS, forged, null);
    assertThat(invalid.path("detail").asText()).isEqualTo("Invalid JWT token");

    SimpleAuthManager past =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_USERS", "ada:admin,otto:op,ulla:user,vera:viewer"),
            home,
            Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)));
    String expired = past.issueToken(new SimpleUser("ada", Role.ADMIN));
    JsonNode stale = api.call(401, "GET", POOLS, expired, null);
    assertThat(stale.path("detail").asText()).isEqualTo("Token Expired");

    String viewer = api.viewer();
    api.call(200, "GET", POOLS, viewer, null);
    for (String who : List.of("vera", "ulla")) {
      Role role = who.equals("vera") ? Role.VIEWER : Role.USER;
      JsonNode forbidden =
          api.call(403, "POST", POOLS, api.token(who, role), "{\"name\": \"p\", \"slots\": 1}");
      assertThat(forbidden.path("detail").asText()).isEqualTo("Forbidden");
    }
    api.call(403, "DELETE", POOLS + "/default_pool", viewer, null);
    api.call(201, "POST", POOLS, api.admin(), "{\"name\": \"p\", \"slots\": 1}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void rejectsBadBodiesWithFastApisErrors(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode malformed = api.call(422, "POST", POOLS, api.op(), "{\"name\": ");
    assertThat(malformed.at("/detail/0/type").asText()).isEqualTo("json_invalid");

    JsonNode wrongTypes =
        api.call(
            422,
            "POST",
            POOLS,
            api.op(),
            "{\"name\": 7, \"slots\": \"many\", \"include_deferred\": 1}");
    assertThat(wrongTypes.path("detail").findValuesAsText("type"))
        .containsExactlyInAnyOrder("string_type", "int_type", "bool_type");
    assertThat(wrongTypes.at("/detail/1/loc").toString()).isEqualTo("[\"body\",\"slots\"]");

    JsonNode extra =
        api.call(
            422, "POST", POOLS, api.op(), "{\"name\": \"p\", \"slots\": 1, \"colour\": \"red\"}");
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    assertThat(extra.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"colour\"]");

    JsonNode missing = api.call(422, "POST", POOLS, api.op(), "{\"slots\": -2}");
    assertThat(missing.path("detail").findValuesAsText("type"))
        .containsExactly("missing", "greater_than_equal");

    JsonNode notObject = api.call(422, "POST", POOLS, api.op(), "[1, 2]");
    assertThat(notObject.at("/detail/0/type").asText()).isEqualTo("model_attributes_type");

    JsonNode patchExtra =
        api.call(
            422, "PATCH", POOLS + "/default_pool?update_mask=slots", api.op(), "{\"name\": \"x\"}");
    assertThat(patchExtra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");

    api.call(201, "POST", POOLS, api.op(), "{\"name\": \"p\", \"slots\": 1}");
    JsonNode duplicate = api.call(409, "POST", POOLS, api.op(), "{\"name\": \"p\", \"slots\": 2}");
    assertThat(duplicate.at("/detail/reason").asText()).isEqualTo("Unique constraint violation");
    assertThat(api.call(200, "GET", POOLS + "/p", api.op(), null).path("slots").asInt())
        .isEqualTo(1);
  }

  private static List<String> names(JsonNode collection) {
    return ApiTestServer.texts(collection, "pools", "name");
  }
}
