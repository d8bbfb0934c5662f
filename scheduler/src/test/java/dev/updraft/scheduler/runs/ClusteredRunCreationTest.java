package dev.updraft.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers on one PostgreSQL share Quartz's clustered job store: every due run is created
 * once, and a scheduler started after both stopped resumes without a gap.
 */
class ClusteredRunCreationTest {

  private static List<Instant> grid(Instant from, int count) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      times.add(from.plusSeconds(i));
    }
    return times;
  }

  private static int quartzInstances(MetadataDatabase db) {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM qrtz_scheduler_state").mapTo(Integer.class).one());
  }

  @Test
  void twoSchedulersCreateEachRunOnceAndARestartResumes() throws InterruptedException {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(Dialect.POSTGRESQL);
        MetadataDatabase second = MetadataDatabase.open(fresh.db().config())) {
      MetadataDatabase first = fresh.db();
      Dags.row(first, "ticker", false);
      Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      Dag ticker =
          Dag.builder("ticker")
              .schedule(Schedule.every(Duration.ofSeconds(1)))
              .startDate(start)
              .catchup(true)
              .build();

      try (ScheduledRuns a = ScheduledRuns.open(first);
          ScheduledRuns b = ScheduledRuns.open(second)) {
        a.syncDags(List.of(ticker));
        b.syncDags(List.of(ticker));
        Thread.sleep(4000);
        assertThat(quartzInstances(first)).as("both checked in to the cluster").isEqualTo(2);
      }
      List<Instant> created = Dags.logicalDates(first, "ticker");
      assertThat(created.size()).isGreaterThanOrEqualTo(3);
      assertThat(created)
          .as("each second once, none missed")
          .isEqualTo(grid(start, created.size()));

      Thread.sleep(2000);
      try (ScheduledRuns restarted = ScheduledRuns.open(second)) {
        restarted.syncDags(List.of(ticker));
        Thread.sleep(1500);
      }
      List<Instant> resumed = Dags.logicalDates(first, "ticker");
      assertThat(resumed.size())
          .as("the missed seconds caught up")
          .isGreaterThan(created.size() + 2);
      assertThat(resumed).isEqualTo(grid(start, resumed.size()));
    }
  }
}
