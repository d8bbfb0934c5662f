package dev.updraft.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduledRunsTest {

  private static Instant today() {
    return Instant.now().truncatedTo(ChronoUnit.DAYS);
  }

  private static Dag daily(String dagId, boolean catchup) {
    return Dag.builder(dagId)
        .schedule("@daily")
        .startDate(today().minus(2, ChronoUnit.DAYS))
        .catchup(catchup)
        .build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(50);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void catchupCreatesEveryMissedRunAndARestartCreatesNoneTwice(Dialect dialect)
      throws InterruptedException {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = fresh.db();
      Dags.row(db, "etl", false);
      List<Instant> expected =
          List.of(today().minus(2, ChronoUnit.DAYS), today().minus(1, ChronoUnit.DAYS), today());

      try (ScheduledRuns runs = ScheduledRuns.open(db)) {
        assertThat(runs.syncDags(List.of(daily("etl", true))).scheduled()).containsExactly("etl");
        // The dag row's next run is written just after the last run: wait for both.
        await(
            () ->
                Dags.logicalDates(db, "etl").size() == 3
                    && today()
                        .plus(1, ChronoUnit.DAYS)
                        .equals(new DagRepository(db).find("etl").orElseThrow().nextDagrun()));
      }
      assertThat(Dags.logicalDates(db, "etl")).isEqualTo(expected);
      assertThat(new DagRepository(db).find("etl").orElseThrow().nextDagrun())
          .isEqualTo(today().plus(1, ChronoUnit.DAYS));

      try (ScheduledRuns restarted = ScheduledRuns.open(db)) {
        restarted.syncDags(List.of(daily("etl", true)));
        Thread.sleep(1000);
      }
      assertThat(Dags.logicalDates(db, "etl")).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void withoutCatchupOnlyTheMostRecentMissedRunIsCreated(Dialect dialect)
      throws InterruptedException {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = fresh.db();
      Dags.row(db, "etl", false);

      try (ScheduledRuns runs = ScheduledRuns.open(db)) {
        runs.syncDags(List.of(daily("etl", false)));
        await(() -> !Dags.logicalDates(db, "etl").isEmpty());
        Thread.sleep(500);
      }
      assertThat(Dags.logicalDates(db, "etl")).containsExactly(today());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pausedDagsWaitAndUnpausingResumesThem(Dialect dialect) throws InterruptedException {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = fresh.db();
      Dags.row(db, "etl", true);

      try (ScheduledRuns runs = ScheduledRuns.open(db)) {
        assertThat(runs.syncDags(List.of(daily("etl", true))).scheduled()).isEmpty();
        Thread.sleep(500);
        assertThat(Dags.logicalDates(db, "etl")).isEmpty();

        new DagRepository(db).setPaused("etl", false);
        runs.refresh();
        assertThat(runs.scheduledDagIds()).containsExactly("etl");
        await(() -> Dags.logicalDates(db, "etl").size() == 3);

        new DagRepository(db).setPaused("etl", true);
        runs.refresh();
        assertThat(runs.scheduledDagIds()).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void dagsLeavingTheBagOrWithoutAScheduleGetNoRuns(Dialect dialect) throws InterruptedException {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = fresh.db();
      Dags.row(db, "etl", false);
      Dags.row(db, "manual", false);
      Dag manual = Dag.builder("manual").schedule(Schedule.none()).build();

      try (ScheduledRuns runs = ScheduledRuns.open(db)) {
        var result = runs.syncDags(List.of(daily("etl", false), manual));
        assertThat(result.scheduled()).containsExactly("etl");

        runs.syncDags(List.of(manual));
        assertThat(runs.scheduledDagIds()).isEmpty();
        Thread.sleep(300);
      }
      assertThat(Dags.logicalDates(db, "manual")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void anInvalidScheduleIsNamedAndSkipped(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect);
        ScheduledRuns runs = ScheduledRuns.open(fresh.db())) {
      Dag loop =
          Dag.builder("loop").schedule("@continuous").startDate(today()).maxActiveRuns(2).build();

      var result = runs.syncDags(List.of(loop));

      assertThat(result.scheduled()).isEmpty();
      assertThat(result.invalidSchedules().get("loop")).contains("max_active_runs");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void continuousDagsGetTheirNextRunWhenNoneIsActive(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = fresh.db();
      Dags.row(db, "loop", false);
      Instant t0 = Instant.parse("2025-06-01T12:00:00Z");
      MutableClock clock = new MutableClock(t0);
      Dag loop =
          Dag.builder("loop")
              .schedule("@continuous")
              .startDate(Instant.parse("2025-01-01T00:00:00Z"))
              .maxActiveRuns(1)
              .build();

      try (ScheduledRuns runs = ScheduledRuns.open(db, clock)) {
        runs.syncDags(List.of(loop));
        assertThat(runs.createContinuousRuns()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(runs.createContinuousRuns()).as("one run at a time").isZero();

        String first = ScheduledRunCreator.runId(t0);
        new DagRunRepository(db)
            .transition(
                "loop", first, Set.of(DagRunState.QUEUED), DagRunState.SUCCESS, clock.instant());
        assertThat(runs.createContinuousRuns()).isEqualTo(1);
      }
      assertThat(Dags.logicalDates(db, "loop")).containsExactly(t0, t0.plusSeconds(60));
      assertThat(new DagRepository(db).find("loop").orElseThrow().nextDagrun()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pollingCreatesContinuousRunsAndSeesPausing(Dialect dialect) throws InterruptedException {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = fresh.db();
      Dags.row(db, "loop", true);
      Dag loopOne =
          Dag.builder("loop").schedule("@continuous").startDate(today()).maxActiveRuns(1).build();

      try (ScheduledRuns runs = ScheduledRuns.open(db, Clock.systemUTC())) {
        runs.syncDags(List.of(loopOne));
        runs.startPolling(Duration.ofMillis(100));
        Thread.sleep(400);
        assertThat(Dags.logicalDates(db, "loop")).as("paused").isEmpty();

        new DagRepository(db).setPaused("loop", false);
        await(() -> Dags.logicalDates(db, "loop").size() == 1);
        Thread.sleep(400);
        assertThat(Dags.logicalDates(db, "loop")).hasSize(1);
      }
    }
  }
}
