package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.TaskState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaskInstanceClearTest {

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void clearResetsStateAndExtendsMaxTriesKeepingTheTryNumber(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      TaskInstanceRepository repository = new TaskInstanceRepository(t.db());
      List<TaskInstanceRecord> tis =
          Runs.runWithTasks(t.db(), "etl", "r1", TaskState.FAILED, "a", "b", "c");
      TaskInstanceRecord a = tis.get(0);
      // Simulate a finished first try of "a".
      t.db()
          .withHandle(
              h -> h.execute("UPDATE task_instance SET try_number = 1 WHERE id = ?", a.id()));

      Map<String, Integer> retries = new HashMap<>();
      retries.put("a", 2);
      retries.put("b", null);
      List<TaskInstanceRecord> cleared = repository.clear("etl", "r1", retries);

      assertThat(cleared).extracting(TaskInstanceRecord::taskId).containsExactly("a", "b");
      TaskInstanceRecord afterA = repository.find(a.id()).orElseThrow();
      assertThat(afterA.state()).isNull();
      assertThat(afterA.tryNumber()).isEqualTo(1);
      assertThat(afterA.maxTries()).isEqualTo(3);
      assertThat(afterA.version()).isEqualTo(a.version() + 1);
      TaskInstanceRecord afterB = repository.find("etl", "r1", "b", -1).orElseThrow();
      assertThat(afterB.state()).isNull();
      assertThat(afterB.maxTries()).isZero();
      assertThat(repository.find("etl", "r1", "c", -1).orElseThrow().state())
          .isEqualTo(TaskState.FAILED);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void aRunningInstanceIsRestartedNotReset(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      TaskInstanceRepository repository = new TaskInstanceRepository(t.db());
      Runs.runWithTasks(t.db(), "etl", "r1", TaskState.RUNNING, "a");
      repository.clear("etl", "r1", Map.of("a", 1));
      assertThat(repository.find("etl", "r1", "a", -1).orElseThrow().state())
          .isEqualTo(TaskState.RESTARTING);
      assertThat(repository.clear("etl", "r1", Map.of())).isEmpty();
    }
  }
}
