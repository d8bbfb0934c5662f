package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.JobRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /api/v2/monitor/health} against Airflow's {@code HealthInfoResponse}. */
class HealthApiContractTest {
  private static final String HEALTH = "/api/v2/monitor/health";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void answersWithoutATokenInAirflowsShape(Dialect dialect) throws Exception {
    api = ApiTestServer.start(dialect, home);
    JsonNode before = api.call(200, "GET", HEALTH, null, null);
    assertThat(before.at("/metadatabase/status").asText()).isEqualTo("healthy");
    assertThat(before.at("/scheduler/status").asText()).isEqualTo("unhealthy");
    assertThat(before.at("/scheduler/latest_scheduler_heartbeat").isNull()).isTrue();
    // A triggerer or DAG processor that never ran has no status, as in Airflow.
    assertThat(before.at("/triggerer/status").isNull()).isTrue();
    assertThat(before.at("/dag_processor/status").isNull()).isTrue();
    List<String> fields = new java.util.ArrayList<>();
    before.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("metadatabase", "scheduler", "triggerer", "dag_processor");

    Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    new JobRepository(api.db()).start("SchedulerJob", "host-a");
    JsonNode after = api.call(200, "GET", HEALTH, null, null);
    assertThat(after.at("/scheduler/status").asText()).isEqualTo("healthy");
    String beat = after.at("/scheduler/latest_scheduler_heartbeat").asText();
    // The heartbeat of the job just started, not some other time.
    assertThat(java.time.OffsetDateTime.parse(beat).toInstant())
        .isBetween(started.minusSeconds(1), Instant.now().plusSeconds(1));
  }
}
