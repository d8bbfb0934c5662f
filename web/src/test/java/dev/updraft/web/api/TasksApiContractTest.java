package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /api/v2/dags/{dag_id}/tasks}: tasks from the serialized DAG, checked against the spec. */
class TasksApiContractTest {
  private static final String TASKS = "/api/v2/dags/etl_daily/tasks";

  @TempDir Path home;
  @AutoClose private ApiTestServer api;

  private List<String> taskIds(String query) throws Exception {
    JsonNode tasks = api.call(200, "GET", TASKS + query, api.viewer(), null);
    assertThat(tasks.path("total_entries").asInt()).isEqualTo(3);
    return ApiTestServer.texts(tasks, "tasks", "task_id");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsAndGetsTasksAsAirflowDescribesThem(Dialect dialect) throws Exception {
    api = ApiTestServer.withDags(dialect, home, DagFixtures.etlDaily());
    assertThat(taskIds("")).containsExactly("audit", "extract", "load");
    assertThat(taskIds("?order_by=-task_id")).containsExactly("load", "extract", "audit");
    assertThat(taskIds("?order_by=-retries").getFirst()).isEqualTo("extract");

    JsonNode extract = api.call(200, "GET", TASKS + "/extract", api.viewer(), null);
    assertThat(extract.path("operator_name").asText()).isNotEmpty();
    assertThat(extract.path("retries").asInt()).isEqualTo(3);
    assertThat(extract.path("trigger_rule").asText()).isEqualTo("all_success");
    assertThat(extract.path("pool").asText()).isEqualTo("default_pool");
    assertThat(extract.path("priority_weight").asInt()).isEqualTo(5);
    assertThat(extract.path("owner").asText()).isEqualTo("alice");
    // 90,061.005 s = 1 day, 3,661 s and 5,000 µs, split as Python's timedelta.
    JsonNode delay = extract.path("retry_delay");
    assertThat(delay.path("__type").asText()).isEqualTo("TimeDelta");
    assertThat(delay.path("days").asInt()).isEqualTo(1);
    assertThat(delay.path("seconds").asInt()).isEqualTo(3661);
    assertThat(delay.path("microseconds").asInt()).isEqualTo(5000);
    assertThat(extract.path("execution_timeout").path("seconds").asInt()).isEqualTo(600);
    List<String> downstream = new ArrayList<>();
    extract.path("downstream_task_ids").forEach(d -> downstream.add(d.asText()));
    assertThat(downstream).containsExactlyInAnyOrder("load", "audit");
    assertThat(extract.path("start_date").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(
            api.call(200, "GET", TASKS + "/load", api.viewer(), null)
                .path("execution_timeout")
                .isNull())
        .isTrue();

    // Airflow sorts by task attribute and answers an unknown one with 400 (undocumented there).
    var badOrder = api.send("GET", TASKS + "?order_by=nope", api.viewer(), null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(badOrder.body()).contains("has no attribute 'nope'");

    JsonNode noTask = api.call(404, "GET", TASKS + "/nope", api.viewer(), null);
    assertThat(noTask.path("detail").asText()).isEqualTo("Task with id nope was not found");
    JsonNode noDag = api.call(404, "GET", "/api/v2/dags/nope/tasks", api.viewer(), null);
    assertThat(noDag.path("detail").asText()).isEqualTo("The Dag with ID: `nope` was not found");
    api.call(404, "GET", "/api/v2/dags/..%2F..%2Fetc/tasks/x", api.viewer(), null);
    api.call(404, "GET", TASKS + "/%27%20OR%201%3D1%20--", api.viewer(), null);
    api.refusesWithoutValidToken("GET", TASKS);
  }
}
