package dev.updraft.scheduler.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.scheduler.backfill.BackfillOutcome.Action;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackfillCreatorTest {
  private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant JAN_2 = Instant.parse("2024-01-02T00:00:00Z");

  private static CompiledDag dag(String schedule) {
    DagBuilder builder = Dag.builder("etl").schedule(schedule).startDate("2023-01-01");
    builder.bash("a", "echo a");
    return DagCompiler.compile(builder.build());
  }

  private static BackfillRequest request(ReprocessBehavior behavior) {
    return new BackfillRequest("etl", JAN_1, JAN_2, behavior, 3, false, null, "ada");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void oneBackfillAtATimeUntilItsRunsFinish(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      BackfillCreator creator = new BackfillCreator(fresh.db());
      BackfillOutcome first = creator.create(dag("@daily"), request(ReprocessBehavior.NONE));
      assertThat(first.count(Action.CREATED)).isEqualTo(2);

      assertThatThrownBy(() -> creator.create(dag("@daily"), request(ReprocessBehavior.NONE)))
          .isInstanceOf(InvalidBackfillException.class)
          .hasMessageContaining("Another backfill is running for Dag etl");

      DagRunRepository runs = new DagRunRepository(fresh.db());
      for (DagRunRecord run : runs.list("etl")) {
        runs.transition(
            "etl", run.runId(), Set.of(DagRunState.QUEUED), DagRunState.FAILED, Instant.now());
      }
      BackfillOutcome second = creator.create(dag("@daily"), request(ReprocessBehavior.FAILED));
      assertThat(second.dates())
          .extracting(BackfillOutcome.DateOutcome::action)
          .containsOnly(Action.REPROCESSED);
      assertThat(runs.list("etl")).allMatch(run -> run.state() == DagRunState.QUEUED);
      Long completed =
          fresh
              .db()
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM backfill WHERE completed_at IS NOT NULL")
                          .mapTo(Long.class)
                          .one());
      assertThat(completed).as("the first backfill was marked complete").isEqualTo(1L);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void schedulesWithoutIntervalsCannotBeBackfilled(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      BackfillCreator creator = new BackfillCreator(fresh.db());
      for (String schedule : new String[] {"@once", "@continuous"}) {
        assertThatThrownBy(() -> creator.dryRun(dag(schedule), request(ReprocessBehavior.NONE)))
            .hasMessage("etl has a non-periodic schedule that does not support backfills");
      }
    }
  }
}
