package dev.updraft.scheduler.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TryLogPathsTest {

  private static final String RUN_ID = "manual__2024-01-01T00:00:00+00:00";

  @Test
  void rendersAirflowTemplateKeepingColonsAndPlus() {
    assertThat(TryLogPaths.relativePath("etl", RUN_ID, "load", -1, 2))
        .isEqualTo("dag_id=etl/run_id=" + RUN_ID + "/task_id=load/attempt=2.log");
  }

  @Test
  void addsMapIndexForMappedTasks() {
    assertThat(TryLogPaths.relativePath("etl", RUN_ID, "load", 0, 1))
        .isEqualTo("dag_id=etl/run_id=" + RUN_ID + "/task_id=load/map_index=0/attempt=1.log");
  }

  @Test
  void resolvesUnderLogsRoot() {
    Path root = Path.of("/var/log/updraft");
    assertThat(new TryLogPaths(root).logFile("etl", RUN_ID, "load", 3, 1))
        .isEqualTo(
            root.resolve("dag_id=etl")
                .resolve("run_id=" + RUN_ID)
                .resolve("task_id=load")
                .resolve("map_index=3")
                .resolve("attempt=1.log"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../x", "a/b", "a\\b", "x..y", ""})
  void rejectsTraversalInEveryComponent(String bad) {
    TryLogPaths paths = new TryLogPaths(Path.of("/logs"));
    assertThatThrownBy(() -> paths.logFile(bad, RUN_ID, "t", -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dag_id");
    assertThatThrownBy(() -> paths.logFile("d", bad, "t", -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run_id");
    assertThatThrownBy(() -> paths.logFile("d", RUN_ID, bad, -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task_id");
  }

  @Test
  void rejectsTryNumberBelowOne() {
    assertThatThrownBy(() -> TryLogPaths.relativePath("d", RUN_ID, "t", -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("try_number");
  }
}
