package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.JobRecord;
import dev.updraft.metadata.state.JobRepository;
import dev.updraft.metadata.state.JobState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /api/v2/jobs}, {@code /plugins}, {@code /plugins/importErrors} and {@code /providers}. */
class JobsPluginsProvidersApiContractTest {
  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private static List<String> hosts(JsonNode page) {
    return page.path("jobs").findValuesAsText("hostname");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsAndFiltersJobs(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    Instant longAgo = Instant.parse("2026-01-01T00:00:00Z");
    JobRecord old =
        new JobRepository(api.db(), Clock.fixed(longAgo, ZoneOffset.UTC))
            .start("SchedulerJob", "host-a");
    new JobRepository(api.db(), Clock.fixed(longAgo.plusSeconds(60), ZoneOffset.UTC))
        .end(old.id(), JobState.FAILED);
    new JobRepository(api.db()).start("SchedulerJob", "host-b");
    new JobRepository(api.db()).start("TriggererJob", "host-c");
    String viewer = api.viewer();

    JsonNode all = api.call(200, "GET", "/api/v2/jobs", viewer, null);
    assertThat(all.path("total_entries").asLong()).isEqualTo(3);
    assertThat(hosts(all)).containsExactly("host-a", "host-b", "host-c");
    JsonNode first = all.path("jobs").get(0);
    assertThat(first.path("state").asText()).isEqualTo("failed");
    assertThat(first.path("job_type").asText()).isEqualTo("SchedulerJob");
    assertThat(Instant.parse(first.path("end_date").asText())).isEqualTo(longAgo.plusSeconds(60));

    assertThat(hosts(api.call(200, "GET", "/api/v2/jobs?job_state=running", viewer, null)))
        .containsExactly("host-b", "host-c");
    assertThat(hosts(api.call(200, "GET", "/api/v2/jobs?job_type=TriggererJob", viewer, null)))
        .containsExactly("host-c");
    assertThat(hosts(api.call(200, "GET", "/api/v2/jobs?hostname=host-a", viewer, null)))
        .containsExactly("host-a");
    JsonNode alive = api.call(200, "GET", "/api/v2/jobs?is_alive=true", viewer, null);
    assertThat(hosts(alive)).containsExactly("host-b", "host-c");
    assertThat(alive.path("total_entries").asLong()).isEqualTo(2);
    assertThat(hosts(api.call(200, "GET", "/api/v2/jobs?is_alive=false", viewer, null)))
        .containsExactly("host-a");
    String since =
        URLEncoder.encode(longAgo.plus(Duration.ofDays(1)).toString(), StandardCharsets.UTF_8);
    assertThat(hosts(api.call(200, "GET", "/api/v2/jobs?start_date_gte=" + since, viewer, null)))
        .containsExactly("host-b", "host-c");
    assertThat(hosts(api.call(200, "GET", "/api/v2/jobs?end_date_lt=" + since, viewer, null)))
        .containsExactly("host-a");
    JsonNode page =
        api.call(200, "GET", "/api/v2/jobs?order_by=-hostname&limit=1&offset=1", viewer, null);
    assertThat(hosts(page)).containsExactly("host-b");
    assertThat(page.path("total_entries").asLong()).isEqualTo(3);

    JsonNode bad = api.call(400, "GET", "/api/v2/jobs?order_by=password", viewer, null);
    assertThat(bad.path("detail").asText()).contains("'password' is disallowed");
    String injection = URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8);
    JsonNode none = api.call(200, "GET", "/api/v2/jobs?hostname=" + injection, viewer, null);
    assertThat(none.path("total_entries").asLong()).isZero();
    api.call(422, "GET", "/api/v2/jobs?is_alive=maybe", viewer, null);
    api.call(422, "GET", "/api/v2/jobs?start_date_gt=soon", viewer, null);
    api.call(401, "GET", "/api/v2/jobs", null, null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pluginsAndProvidersAreEmptyCollections(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    String viewer = api.viewer();
    JsonNode plugins = api.call(200, "GET", "/api/v2/plugins", viewer, null);
    assertThat(plugins.path("plugins").isArray()).isTrue();
    assertThat(plugins.path("total_entries").asLong()).isZero();
    JsonNode errors = api.call(200, "GET", "/api/v2/plugins/importErrors", viewer, null);
    assertThat(errors.path("import_errors").size()).isZero();
    assertThat(errors.path("total_entries").asLong()).isZero();
    JsonNode providers = api.call(200, "GET", "/api/v2/providers?limit=5", viewer, null);
    assertThat(providers.path("providers").size()).isZero();
    assertThat(providers.path("total_entries").asLong()).isZero();
    api.call(422, "GET", "/api/v2/providers?offset=-2", viewer, null);
    for (String path :
        List.of("/api/v2/plugins", "/api/v2/plugins/importErrors", "/api/v2/providers")) {
      JsonNode anonymous = api.call(401, "GET", path, null, null);
      assertThat(anonymous.path("detail").asText()).isEqualTo("Not authenticated");
    }
  }
}
