package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path parameters of pools, variables and connections that try to climb out of their route ({@code
 * ..%2F}, {@code %2e%2e}, encoded slashes): each is a 404 (no such route, or no such key), never a
 * file, never a 500.
 */
class PathTraversalApiContractTest {
  private static final List<String> CLIMBS =
      List.of(
          "..%2F..%2Fetc%2Fpasswd",
          "%2e%2e",
          "%2e%2e%2f%2e%2e%2fsecret",
          "..",
          "a%2Fb",
          "%252e%252e%252fetc",
          "..%5C..%5Cwindows");

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void climbingPathParametersAreNotFound(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    Files.writeString(home.resolve("secret"), "do not serve");
    // Resources a climb could land on if a path were normalised: "etc", "secret", "b", "..".
    for (String name : List.of("etc", "secret", "b")) {
      api.call(
          201, "POST", "/api/v2/pools", api.op(), "{\"name\": \"" + name + "\", \"slots\": 1}");
      api.call(
          201,
          "POST",
          "/api/v2/variables",
          api.op(),
          "{\"key\": \"" + name + "\", \"value\": \"v\"}");
      api.call(
          201,
          "POST",
          "/api/v2/connections",
          api.op(),
          "{\"connection_id\": \"" + name + "\", \"conn_type\": \"http\"}");
    }
    for (String route : List.of("/api/v2/pools/", "/api/v2/variables/", "/api/v2/connections/")) {
      for (String climb : CLIMBS) {
        for (String method : List.of("GET", "DELETE")) {
          HttpResponse<String> response = api.send(method, route + climb, api.op(), null);
          String what = method + " " + route + climb + " -> " + response.body();
          assertThat(response.statusCode()).as(what).isEqualTo(404);
          assertThat(response.body())
              .as(what)
              .doesNotContain("do not serve")
              .doesNotContain("root:");
          // Treated as a plain (missing) key: Airflow's not-found detail names it.
          JsonNode body = ApiTestServer.JSON.readTree(response.body());
          assertThat(body.path("detail").asText()).as(what).contains("was not found");
        }
      }
    }
    // Nothing was deleted on the way: every climb missed the resources it could have reached.
    JsonNode pools = api.call(200, "GET", "/api/v2/pools", api.op(), null);
    assertThat(pools.path("pools").findValuesAsText("name"))
        .containsExactlyInAnyOrder("default_pool", "etc", "secret", "b");
    assertThat(
            api.call(200, "GET", "/api/v2/variables", api.op(), null)
                .path("variables")
                .findValuesAsText("key"))
        .containsExactlyInAnyOrder("etc", "secret", "b");
    assertThat(
            api.call(200, "GET", "/api/v2/connections", api.op(), null)
                .path("connections")
                .findValuesAsText("connection_id"))
        .containsExactlyInAnyOrder("etc", "secret", "b");
  }
}
