package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobRepositoryTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void startHeartbeatEndAndLatest(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      TestClock clock = TestClock.at("2025-07-01T00:00:00Z");
      JobRepository jobs = new JobRepository(t.db(), clock);

      JobRecord old = jobs.start("SchedulerJob", "host-a");
      Instant started = clock.instant();
      assertThat(old.state()).isEqualTo(JobState.RUNNING);
      assertThat(old.jobType()).isEqualTo("SchedulerJob");
      assertThat(old.hostname()).isEqualTo("host-a");
      assertThat(old.unixname()).isEqualTo(System.getProperty("user.name"));
      assertThat(old.startDate()).isEqualTo(started);
      assertThat(old.latestHeartbeat()).isEqualTo(started);
      assertThat(old.endDate()).isNull();

      Instant beat = clock.advance(Duration.ofSeconds(5));
      assertThat(jobs.heartbeat(old.id())).isTrue();
      assertThat(jobs.find(old.id()).orElseThrow().latestHeartbeat()).isEqualTo(beat);

      clock.advance(Duration.ofSeconds(5));
      JobRecord current = jobs.start("SchedulerJob", "host-b");
      jobs.start("TriggererJob", "host-a");
      assertThat(jobs.latest("SchedulerJob").orElseThrow().id()).isEqualTo(current.id());

      Instant ended = clock.advance(Duration.ofSeconds(5));
      assertThat(jobs.end(current.id(), JobState.SUCCESS)).isTrue();
      assertThat(jobs.end(current.id(), JobState.FAILED)).as("already ended").isFalse();
      assertThat(jobs.heartbeat(current.id())).as("ended jobs do not beat").isFalse();
      JobRecord finished = jobs.find(current.id()).orElseThrow();
      assertThat(finished.state()).isEqualTo(JobState.SUCCESS);
      assertThat(finished.endDate()).isEqualTo(ended);
      assertThat(jobs.latest("SchedulerJob").orElseThrow().id())
          .as("a running job comes before an ended one")
          .isEqualTo(old.id());
      assertThat(jobs.latest("DagProcessorJob")).isEmpty();
      assertThat(
              Raw.one(
                  t.db(),
                  String.class,
                  "SELECT state FROM job WHERE id = :id",
                  java.util.Map.of("id", finished.id())))
          .isEqualTo("success");
    }
  }
}
