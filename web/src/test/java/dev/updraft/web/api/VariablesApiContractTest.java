package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.web.auth.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/v2/variables} on a real server and database: every response is checked against the
 * OpenAPI document the server serves (Airflow's spec), and the values against what was sent.
 */
class VariablesApiContractTest {
  private static final ObjectMapper JSON = ApiTestServer.JSON;
  private static final String VARS = "/api/v2/variables";

  @TempDir Path home;
  @TempDir Path otherHome;
  @AutoClose private ApiTestServer api;

  private void start(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createsReadsPatchesAndDeletesAVariable(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode created =
        api.call(
            201,
            "POST",
            VARS,
            api.op(),
            "{\"key\": \"region\", \"value\": \"eu\", \"description\": \"where\"}");
    assertThat(created.path("key").asText()).isEqualTo("region");
    assertThat(created.path("value").asText()).isEqualTo("eu");
    assertThat(created.path("description").asText()).isEqualTo("where");
    assertThat(created.path("is_encrypted").asBoolean()).isFalse();

    JsonNode read = api.call(200, "GET", VARS + "/region", api.viewer(), null);
    assertThat(read).isEqualTo(created);

    JsonNode json =
        api.call(201, "POST", VARS, api.op(), "{\"key\": \"conf\", \"value\": {\"a\": [1, true]}}");
    assertThat(json.path("value").asText()).isEqualTo("{\"a\":[1,true]}");
    assertThat(json.path("description").isNull()).isTrue();
    JsonNode number = api.call(201, "POST", VARS, api.op(), "{\"key\": \"n\", \"value\": 5}");
    assertThat(number.path("value").asText()).isEqualTo("5");

    JsonNode secret =
        api.call(201, "POST", VARS, api.op(), "{\"key\": \"db_PASSWORD\", \"value\": \"hunter2\"}");
    assertThat(secret.path("value").asText()).isEqualTo("***");
    assertThat(new dev.updraft.metadata.state.VariableRepository(api.db()).get("db_PASSWORD"))
        .contains("hunter2");

    JsonNode patched =
        api.call(
            200,
            "PATCH",
            VARS + "/region?update_mask=value",
            api.op(),
            "{\"key\": \"region\", \"value\": \"us\", \"description\": \"ignored\"}");
    assertThat(patched.path("value").asText()).isEqualTo("us");
    assertThat(patched.path("description").asText()).isEqualTo("where");

    JsonNode replaced =
        api.call(
            200,
            "PATCH",
            VARS + "/region",
            api.op(),
            "{\"key\": \"region\", \"value\": \"ap\", \"description\": null}");
    assertThat(replaced.path("value").asText()).isEqualTo("ap");
    assertThat(replaced.path("description").isNull()).isTrue();

    JsonNode mismatch =
        api.call(
            400, "PATCH", VARS + "/region", api.op(), "{\"key\": \"other\", \"value\": \"x\"}");
    assertThat(mismatch.path("detail").asText())
        .isEqualTo("Invalid body, key from request body doesn't match uri parameter");
    JsonNode patchMissing =
        api.call(404, "PATCH", VARS + "/nope", api.op(), "{\"key\": \"nope\", \"value\": \"x\"}");
    assertThat(patchMissing.path("detail").asText())
        .isEqualTo("The Variable with key: `nope` was not found");

    api.call(201, "POST", VARS, api.op(), "{\"key\": \"team/a\", \"value\": \"x\"}");
    assertThat(api.send("GET", VARS + "/team/a", api.op(), null).body())
        .contains("\"key\":\"team/a\"");
    assertThat(api.send("DELETE", VARS + "/team/a", api.op(), null).statusCode()).isEqualTo(204);
    api.call(204, "DELETE", VARS + "/region", api.op(), null);
    JsonNode gone = api.call(404, "GET", VARS + "/region", api.op(), null);
    assertThat(gone.path("detail").asText())
        .isEqualTo("The Variable with key: `region` was not found");
    api.call(404, "DELETE", VARS + "/region", api.op(), null);

    List<String> events =
        new EventLogRepository(api.db())
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
      api.call(
          201, "POST", VARS, api.op(), "{\"key\": \"" + key + "\", \"value\": \"v-" + key + "\"}");
    }
    String viewer = api.viewer();
    JsonNode all = api.call(200, "GET", VARS, viewer, null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    assertThat(keys(all)).containsExactly("beta", "alpha", "gamma_x");

    JsonNode page = api.call(200, "GET", VARS + "?order_by=-key&limit=2&offset=1", viewer, null);
    assertThat(page.path("total_entries").asInt()).isEqualTo(3);
    assertThat(keys(page)).containsExactly("beta", "alpha");

    JsonNode byValue = api.call(200, "GET", VARS + "?order_by=_val", viewer, null);
    assertThat(keys(byValue)).containsExactly("alpha", "beta", "gamma_x");

    JsonNode filtered =
        api.call(200, "GET", VARS + "?variable_key_pattern=ALP%7Cgamma%5C_", viewer, null);
    assertThat(keys(filtered)).containsExactly("alpha", "gamma_x");
    assertThat(filtered.path("total_entries").asInt()).isEqualTo(2);

    HttpResponse<String> badOrder = api.send("GET", VARS + "?order_by=value", viewer, null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badOrder.body()).path("detail").asText())
        .isEqualTo(
            "Ordering with 'value' is disallowed or the attribute does not exist on the model");

    JsonNode badLimit = api.call(422, "GET", VARS + "?limit=abc", viewer, null);
    assertThat(badLimit.at("/detail/0/type").asText()).isEqualTo("int_parsing");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void bulkCreatesUpdatesAndDeletes(Dialect dialect) throws Exception {
    start(dialect);
    api.call(201, "POST", VARS, api.op(), "{\"key\": \"old\", \"value\": \"1\"}");
    JsonNode result =
        api.call(
            200,
            "PATCH",
            VARS,
            api.op(),
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
    JsonNode a = api.call(200, "GET", VARS + "/a", api.op(), null);
    assertThat(a.path("value").asText()).isEqualTo("5");
    assertThat(a.path("description").isNull()).isTrue();

    JsonNode conflict =
        api.call(
            200,
            "PATCH",
            VARS,
            api.op(),
            "{\"actions\": [{\"action\": \"create\", \"entities\": [{\"key\": \"a\", \"value\": \"1\"},"
                + " {\"key\": \"c\", \"value\": \"1\"}]}, {\"action\": \"delete\", \"entities\": [\"zz\"],"
                + " \"action_on_non_existence\": \"skip\"}, {\"action\": \"update\","
                + " \"entities\": [{\"key\": \"zz\", \"value\": \"1\"}]}]}");
    assertThat(conflict.at("/create/errors/0/status_code").asInt()).isEqualTo(409);
    assertThat(conflict.at("/create/errors/0/error").asText())
        .isEqualTo("The variables with these keys: {'a'} already exist.");
    // Skipped, not failed: the delete result is there, with neither successes nor errors.
    assertThat(conflict.at("/delete/success").isArray()).isTrue();
    assertThat(conflict.at("/delete/success").size()).isZero();
    assertThat(conflict.at("/delete/errors").isArray()).isTrue();
    assertThat(conflict.at("/delete/errors").size()).isZero();
    assertThat(conflict.at("/update/errors/0/error").asText())
        .isEqualTo("The variables with these keys: {'zz'} were not found.");
    api.call(404, "GET", VARS + "/c", api.op(), null);

    JsonNode overwrite =
        api.call(
            200,
            "PATCH",
            VARS,
            api.op(),
            "{\"actions\": [{\"action\": \"create\", \"action_on_existence\": \"overwrite\","
                + " \"entities\": [{\"key\": \"a\", \"value\": \"9\"}]}]}");
    assertThat(overwrite.at("/create/success").toString()).isEqualTo("[\"a\"]");
    assertThat(api.call(200, "GET", VARS + "/a", api.op(), null).path("value").asText())
        .isEqualTo("9");

    JsonNode badTag =
        api.call(
            422,
            "PATCH",
            VARS,
            api.op(),
            "{\"actions\": [{\"action\": \"upsert\", \"entities\": []}]}");
    assertThat(badTag.at("/detail/0/type").asText()).isEqualTo("union_tag_invalid");

    List<String> events =
        new EventLogRepository(api.db())
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
    JsonNode missing = api.call(401, "GET", VARS, null, null);
    assertThat(missing.path("detail").asText()).isEqualTo("Not authenticated");

    String viewer = api.viewer();
    api.call(200, "GET", VARS, viewer, null);
    for (String who : List.of("vera", "ulla")) {
      Role role = who.equals("vera") ? Role.VIEWER : Role.USER;
      JsonNode forbidden =
          api.call(403, "POST", VARS, api.token(who, role), "{\"key\": \"k\", \"value\": \"v\"}");
      assertThat(forbidden.path("detail").asText()).isEqualTo("Forbidden");
    }
    api.call(403, "DELETE", VARS + "/k", viewer, null);
    api.call(403, "PATCH", VARS, viewer, "{\"actions\": []}");
    api.call(201, "POST", VARS, api.admin(), "{\"key\": \"k\", \"value\": \"v\"}");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void rejectsBadBodiesWithFastApisErrors(Dialect dialect) throws Exception {
    start(dialect);
    JsonNode malformed = api.call(422, "POST", VARS, api.op(), "{\"key\": ");
    assertThat(malformed.at("/detail/0/type").asText()).isEqualTo("json_invalid");

    JsonNode wrongTypes =
        api.call(422, "POST", VARS, api.op(), "{\"key\": 7, \"value\": \"v\", \"description\": 3}");
    assertThat(wrongTypes.path("detail").findValuesAsText("type"))
        .containsExactly("string_type", "string_type");
    assertThat(wrongTypes.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"key\"]");

    JsonNode extra =
        api.call(
            422, "POST", VARS, api.op(), "{\"key\": \"k\", \"value\": \"v\", \"colour\": \"red\"}");
    assertThat(extra.at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
    assertThat(extra.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"colour\"]");

    JsonNode missing = api.call(422, "POST", VARS, api.op(), "{\"key\": \"k\"}");
    assertThat(missing.at("/detail/0/type").asText()).isEqualTo("missing");
    assertThat(missing.at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"value\"]");

    JsonNode tooLong =
        api.call(
            422,
            "POST",
            VARS,
            api.op(),
            "{\"key\": \"" + "k".repeat(251) + "\", \"value\": \"v\"}");
    assertThat(tooLong.at("/detail/0/type").asText()).isEqualTo("string_too_long");

    api.call(201, "POST", VARS, api.op(), "{\"key\": \"k\", \"value\": \"v\"}");
    JsonNode duplicate =
        api.call(409, "POST", VARS, api.op(), "{\"key\": \"k\", \"value\": \"w\"}");
    assertThat(duplicate.path("detail").asText())
        .isEqualTo("The Variable with key: `k` already exists");
    assertThat(api.call(200, "GET", VARS + "/k", api.op(), null).path("value").asText())
        .isEqualTo("v");
  }

  private static List<String> keys(JsonNode collection) {
    return ApiTestServer.texts(collection, "variables", "key");
  }
}
