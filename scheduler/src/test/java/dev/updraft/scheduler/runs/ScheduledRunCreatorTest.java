package dev.updraft.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.scheduler.runs.ScheduledRunCreator.Outcome;
import dev.updraft.scheduler.timetable.DagRunInfo;
import dev.updraft.scheduler.timetable.Timetables;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagRunState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduledRunCreatorTest {
  private static final Instant JAN_1 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant JAN_2 = Instant.parse("2025-01-02T00:00:00Z");

  private static DagSchedule daily() {
    Dag dag = Dag.builder("etl").schedule("@daily").startDate(JAN_1).catchup(true).build();
    return new DagSchedule("etl", Timetables.of(dag), true);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createsAQueuedScheduledRunNamedAsAirflowDoes(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      Dags.row(fresh.db(), "etl", false);
      MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:05Z"));
      var creator = new ScheduledRunCreator(fresh.db(), clock, id -> Optional.of(daily()));

      assertThat(creator.create("etl", DagRunInfo.exact(JAN_1))).isEqualTo(Outcome.CREATED);

      DagRunRecord run =
          new DagRunRepository(fresh.db())
              .find("etl", "scheduled__2025-01-01T00:00:00+00:00")
              .orElseThrow();
      assertThat(run.runType()).isEqualTo(DagRunType.SCHEDULED);
      assertThat(run.state()).isEqualTo(DagRunState.QUEUED);
      assertThat(run.logicalDate()).isEqualTo(JAN_1);
      assertThat(run.dataIntervalStart()).isEqualTo(JAN_1);
      assertThat(run.dataIntervalEnd()).isEqualTo(JAN_1);
      assertThat(run.runAfter()).isEqualTo(JAN_1);
      assertThat(run.conf()).isEqualTo("{}");
      assertThat(run.triggeredBy()).isEqualTo("timetable");
      DagRecord dag = new DagRepository(fresh.db()).find("etl").orElseThrow();
      assertThat(dag.nextDagrun()).isEqualTo(JAN_2);
      assertThat(dag.nextDagrunCreateAfter()).isEqualTo(JAN_2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void aRunThatExistsIsNotAnError(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      Dags.row(fresh.db(), "etl", false);
      var clock = new MutableClock(JAN_2);
      var first = new ScheduledRunCreator(fresh.db(), clock, id -> Optional.of(daily()));
      var second = new ScheduledRunCreator(fresh.db(), clock, id -> Optional.of(daily()));

      assertThat(first.create("etl", DagRunInfo.exact(JAN_1))).isEqualTo(Outcome.CREATED);
      assertThat(second.create("etl", DagRunInfo.exact(JAN_1))).isEqualTo(Outcome.ALREADY_EXISTS);
      assertThat(Dags.logicalDates(fresh.db(), "etl")).containsExactly(JAN_1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pausedAndUnknownDagsGetNoRuns(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      Dags.row(fresh.db(), "etl", true);
      var creator =
          new ScheduledRunCreator(fresh.db(), new MutableClock(JAN_2), id -> Optional.empty());

      assertThat(creator.create("etl", DagRunInfo.exact(JAN_1))).isEqualTo(Outcome.DAG_PAUSED);
      assertThat(creator.create("ghost", DagRunInfo.exact(JAN_1))).isEqualTo(Outcome.DAG_PAUSED);
      assertThat(Dags.logicalDates(fresh.db(), "etl")).isEmpty();
    }
  }
}
