package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DagRunRepositoryTest {
  private static final Instant DAY = Instant.parse("2025-01-02T00:00:00Z");

  private static NewDagRun scheduled(String runId, Instant logicalDate) {
    return scheduled("etl", runId, logicalDate);
  }

  private static NewDagRun scheduled(String dagId, String runId, Instant logicalDate) {
    return new NewDagRun(
        dagId,
        runId,
        DagRunType.SCHEDULED,
        DagRunState.QUEUED,
        logicalDate,
        logicalDate,
        logicalDate.plus(Duration.ofDays(1)),
        logicalDate.plus(Duration.ofDays(1)),
        "{\"x\":1}",
        "timetable",
        null);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createStoresEveryColumnAndFindsIt(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      TestClock clock = TestClock.at("2025-01-03T00:00:05Z");
      DagRunRepository runs = new DagRunRepository(db, clock);

      DagRunRecord created = runs.create(scheduled("scheduled__2025-01-02", DAY));

      assertThat(created.id()).isPositive();
      assertThat(created.dagId()).isEqualTo("etl");
      assertThat(created.runId()).isEqualTo("scheduled__2025-01-02");
      assertThat(created.runType()).isEqualTo(DagRunType.SCHEDULED);
      assertThat(created.state()).isEqualTo(DagRunState.QUEUED);
      assertThat(created.logicalDate()).isEqualTo(DAY);
      assertThat(created.dataIntervalStart()).isEqualTo(DAY);
      assertThat(created.dataIntervalEnd()).isEqualTo(DAY.plus(Duration.ofDays(1)));
      assertThat(created.runAfter()).isEqualTo(DAY.plus(Duration.ofDays(1)));
      assertThat(created.conf()).isEqualTo("{\"x\":1}");
      assertThat(created.triggeredBy()).isEqualTo("timetable");
      assertThat(created.queuedAt()).isEqualTo(clock.instant());
      assertThat(created.startDate()).isNull();
      assertThat(created.endDate()).isNull();
      assertThat(created.createdAt()).isEqualTo(clock.instant());
      assertThat(created.updatedAt()).isEqualTo(clock.instant());
      assertThat(runs.find("etl", "scheduled__2025-01-02")).contains(created);
      assertThat(runs.find("etl", "nope")).isEmpty();

      String raw = Raw.one(db, String.class, "SELECT state || '/' || run_type FROM dag_run");
      assertThat(raw).as("Airflow's lower-case names").isEqualTo("queued/scheduled");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void duplicateRunIdOrLogicalDateIsAClearError(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      DagRunRepository runs = new DagRunRepository(t.db());
      runs.create(scheduled("r1", DAY));

      assertThatThrownBy(() -> runs.create(scheduled("r1", DAY.plus(Duration.ofDays(1)))))
          .isInstanceOf(DuplicateDagRunException.class)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot create run 'r1' of DAG 'etl': a run with this run_id already exists")
          .satisfies(
              e -> {
                assertThat(((DuplicateDagRunException) e).dagId()).isEqualTo("etl");
                assertThat(((DuplicateDagRunException) e).runId()).isEqualTo("r1");
              });
      assertThatThrownBy(() -> runs.create(scheduled("r2", DAY)))
          .isInstanceOf(DuplicateDagRunException.class)
          .hasMessage(
              "cannot create run 'r2' of DAG 'etl': the DAG already has a run with logical date "
                  + DAY)
          .hasMessageNotContaining("SQL")
          .hasMessageNotContaining("constraint");
      assertThat(runs.list("etl")).hasSize(1);

      runs.create(NewDagRun.manual("etl", "manual_1", DAY));
      runs.create(NewDagRun.manual("etl", "manual_2", DAY));
      assertThat(runs.list("etl")).as("runs without a logical date never collide").hasSize(3);
      runs.create(scheduled("other", "r1", DAY));
      assertThat(runs.list("other")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listIsNewestFirstAndListByStateOldestFirst(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      DagRunRepository runs = new DagRunRepository(t.db());
      runs.create(scheduled("d2", DAY.plus(Duration.ofDays(1))));
      runs.create(scheduled("d1", DAY));
      runs.create(scheduled("d3", DAY.plus(Duration.ofDays(2))));

      assertThat(runs.list("etl"))
          .extracting(DagRunRecord::runId)
          .containsExactly("d3", "d2", "d1");
      assertThat(runs.listByState(DagRunState.QUEUED, 2))
          .extracting(DagRunRecord::runId)
          .containsExactly("d1", "d2");
      assertThat(runs.listByState(DagRunState.RUNNING, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void transitionsSetDatesAsAirflowAndRespectExpectedStates(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      TestClock clock = TestClock.at("2025-01-03T00:00:00Z");
      DagRunRepository runs = new DagRunRepository(t.db(), clock);
      runs.create(scheduled("r", DAY));
      Instant start = Instant.parse("2025-01-03T00:01:00Z");
      Instant end = Instant.parse("2025-01-03T00:09:30.123456Z");

      assertThat(runs.transition("etl", "r", Set.of(DagRunState.RUNNING), DagRunState.SUCCESS, end))
          .as("not running yet")
          .isFalse();
      assertThat(runs.find("etl", "r").orElseThrow().state()).isEqualTo(DagRunState.QUEUED);

      assertThat(
              runs.transition("etl", "r", Set.of(DagRunState.QUEUED), DagRunState.RUNNING, start))
          .isTrue();
      DagRunRecord running = runs.find("etl", "r").orElseThrow();
      assertThat(running.state()).isEqualTo(DagRunState.RUNNING);
      assertThat(running.startDate()).isEqualTo(start);
      assertThat(running.endDate()).isNull();
      assertThat(running.updatedAt()).isEqualTo(start);

      assertThat(runs.transition("etl", "r", Set.of(DagRunState.RUNNING), DagRunState.SUCCESS, end))
          .isTrue();
      DagRunRecord done = runs.find("etl", "r").orElseThrow();
      assertThat(done.state()).isEqualTo(DagRunState.SUCCESS);
      assertThat(done.startDate()).isEqualTo(start);
      assertThat(done.endDate()).isEqualTo(end);

      // Cleared: queued again, the previous run's dates go; running again starts afresh.
      Instant requeued = end.plus(Duration.ofHours(1));
      assertThat(
              runs.transition(
                  "etl",
                  "r",
                  Set.of(DagRunState.SUCCESS, DagRunState.FAILED),
                  DagRunState.QUEUED,
                  requeued))
          .isTrue();
      DagRunRecord queued = runs.find("etl", "r").orElseThrow();
      assertThat(queued.queuedAt()).isEqualTo(requeued);
      assertThat(queued.startDate()).isNull();
      assertThat(queued.endDate()).isNull();

      assertThat(
              runs.transition(
                  "etl", "missing", Set.of(DagRunState.QUEUED), DagRunState.RUNNING, end))
          .isFalse();
      assertThat(runs.transition("etl", "r", Set.of(), DagRunState.RUNNING, end)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void deleteCascadesToTaskInstancesHistoryAndXComs(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      var tis = Runs.runWithTasks(db, "etl", "r", TaskState.RUNNING, "extract");
      new TaskInstanceRepository(db)
          .transition(
              tis.get(0).id(),
              Set.of(TaskState.RUNNING),
              TaskState.SUCCESS,
              TransitionDetails.at(Runs.T0));
      new XComRepository(db).push("etl", "r", "extract", "return_value", "42");
      DagRunRepository runs = new DagRunRepository(db);
      assertThat(runs.markSchedulingDecision("etl", "r", Runs.T0)).isTrue();
      assertThat(runs.find("etl", "r").orElseThrow().lastSchedulingDecision()).isEqualTo(Runs.T0);

      assertThat(runs.delete("etl", "r")).isTrue();
      assertThat(runs.delete("etl", "r")).isFalse();
      for (String table : new String[] {"task_instance", "task_instance_history", "xcom"}) {
        assertThat(Raw.one(db, Integer.class, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
      }
    }
  }
}
