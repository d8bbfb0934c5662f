package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.ImportErrorRecord;
import dev.updraft.metadata.state.ImportErrorRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /api/v2/importErrors} on a real server and database, checked against the spec. */
class ImportErrorsApiContractTest {
  private static final String ERRORS = "/api/v2/importErrors";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private List<String> files(String query) throws Exception {
    JsonNode page = api.call(200, "GET", ERRORS + query, api.viewer(), null);
    return ApiTestServer.texts(page, "import_errors", "filename");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsAndGetsImportErrors(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    ImportErrorRepository repository = new ImportErrorRepository(api.db());
    ImportErrorRecord broken =
        repository.replaceFor("/dags/broken.jar", "dags-folder", "NoClassDefFoundError: x");
    repository.replaceFor("/dags/alpha.jar", "dags-folder", "DAG cycle: a -> b -> a");
    repository.replaceFor("/dags/zeta", "dags-folder", "duplicate task id");

    JsonNode all = api.call(200, "GET", ERRORS, api.viewer(), null);
    assertThat(all.path("total_entries").asInt()).isEqualTo(3);
    JsonNode first = all.path("import_errors").get(0);
    assertThat(first.path("import_error_id").asLong()).isEqualTo(broken.id());
    assertThat(first.path("stack_trace").asText()).isEqualTo("NoClassDefFoundError: x");
    assertThat(first.path("bundle_name").asText()).isEqualTo("dags-folder");

    assertThat(files("?order_by=filename"))
        .containsExactly("/dags/alpha.jar", "/dags/broken.jar", "/dags/zeta");
    assertThat(files("?order_by=-import_error_id").getFirst()).isEqualTo("/dags/zeta");
    assertThat(files("?filename_pattern=JAR&order_by=-filename&limit=1"))
        .containsExactly("/dags/broken.jar");
    JsonNode paged =
        api.call(200, "GET", ERRORS + "?filename_pattern=jar&limit=1", api.viewer(), null);
    assertThat(paged.path("total_entries").asInt()).isEqualTo(2);
    assertThat(files("?filename_pattern=%27%20OR%201%3D1%20--")).isEmpty();

    JsonNode one = api.call(200, "GET", ERRORS + "/" + broken.id(), api.viewer(), null);
    assertThat(one.path("filename").asText()).isEqualTo("/dags/broken.jar");
    JsonNode missing = api.call(404, "GET", ERRORS + "/999999", api.viewer(), null);
    assertThat(missing.path("detail").asText())
        .isEqualTo("The ImportError with import_error_id: `999999` was not found");
    JsonNode notANumber = api.call(422, "GET", ERRORS + "/..%2F..%2Fetc", api.viewer(), null);
    assertThat(notANumber.path("detail").get(0).path("type").asText()).isEqualTo("int_parsing");
    var badOrder = api.send("GET", ERRORS + "?order_by=owner", api.viewer(), null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    api.call(422, "GET", ERRORS + "?offset=-1", api.viewer(), null);
    api.refusesWithoutValidToken("GET", ERRORS);
  }
}
