package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.TaskState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XComRepositoryTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pushPullReplaceListAndClear(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      Runs.runWithTasks(db, "etl", "r", TaskState.RUNNING, "extract", "load");
      new TaskInstanceRepository(db)
          .createForRun(List.of(TaskInstanceRecord.newInstance("etl", "r", "fan").withMapIndex(3)));
      TestClock clock = TestClock.at("2025-04-01T00:00:00Z");
      XComRepository xcoms = new XComRepository(db, clock);
      String json = "{\"rows\": 1200, \"path\": \"s3://bucket/k\", \"ok\": true}";

      xcoms.push("etl", "r", "extract", XComRepository.RETURN_VALUE, json);
      xcoms.push("etl", "r", "extract", "count", "1200");
      xcoms.push("etl", "r", "fan", 3, XComRepository.RETURN_VALUE, "\"mapped\"");
      xcoms.push("etl", "r", "load", "count", "7");

      assertThat(xcoms.pull("etl", "r", "extract", "return_value")).contains(json);
      assertThat(xcoms.pull("etl", "r", "fan", 3, "return_value")).contains("\"mapped\"");
      assertThat(xcoms.pull("etl", "r", "fan", "return_value")).as("map index -1").isEmpty();
      assertThat(xcoms.pull("etl", "r", "extract", "missing")).isEmpty();

      xcoms.push("etl", "r", "extract", "count", "1300");
      assertThat(xcoms.pull("etl", "r", "extract", "count")).contains("1300");

      List<XComRecord> all = xcoms.listForRun("etl", "r");
      long dagRunId = new DagRunRepository(db).find("etl", "r").orElseThrow().id();
      assertThat(all)
          .containsExactly(
              new XComRecord(dagRunId, "etl", "r", "extract", -1, "count", "1300", clock.instant()),
              new XComRecord(
                  dagRunId, "etl", "r", "extract", -1, "return_value", json, clock.instant()),
              new XComRecord(
                  dagRunId, "etl", "r", "fan", 3, "return_value", "\"mapped\"", clock.instant()),
              new XComRecord(dagRunId, "etl", "r", "load", -1, "count", "7", clock.instant()));

      assertThat(xcoms.clear("etl", "r", "extract")).isEqualTo(2);
      assertThat(xcoms.pull("etl", "r", "extract", "return_value")).isEmpty();
      assertThat(xcoms.pull("etl", "r", "load", "count")).contains("7");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pushForAMissingRunOrTaskIsAClearError(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      Runs.run(db, "etl", "r");
      XComRepository xcoms = new XComRepository(db);

      assertThatThrownBy(() -> xcoms.push("etl", "nope", "a", "k", "1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "cannot push XCom 'k' for task 'a' (map index -1) of run 'nope' of DAG 'etl':"
                  + " no such run");
      assertThatThrownBy(() -> xcoms.push("etl", "r", "ghost", "k", "1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "cannot push XCom 'k' for task 'ghost' (map index -1) of run 'r' of DAG 'etl':"
                  + " no such task instance");
    }
  }
}
