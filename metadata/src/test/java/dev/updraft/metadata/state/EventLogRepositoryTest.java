package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventLogRepositoryTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void recordsEventsAndListsNewestFirstWithLimit(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      TestClock clock = TestClock.at("2025-06-01T00:00:00Z");
      EventLogRepository log = new EventLogRepository(t.db(), clock);

      long first = log.record("paused", "etl", null, null, "alice", "{\"is_paused\": true}");
      clock.advance(Duration.ofSeconds(1));
      long second = log.record("trigger", "etl", null, "manual__1", "bob", null);
      clock.advance(Duration.ofSeconds(1));
      long third = log.record("clear", "etl", "load", "manual__1", "alice", "{}");

      assertThat(log.list(2)).extracting(EventLogRecord::id).containsExactly(third, second);
      assertThat(log.list(10))
          .extracting(EventLogRecord::event)
          .containsExactly("clear", "trigger", "paused");
      EventLogRecord oldest = log.list(10).get(2);
      assertThat(oldest)
          .isEqualTo(
              new EventLogRecord(
                  first,
                  clock.instant().minusSeconds(2),
                  "etl",
                  null,
                  null,
                  "paused",
                  null,
                  null,
                  "alice",
                  null,
                  "{\"is_paused\": true}",
                  null));
      EventLogRecord newest = log.list(1).get(0);
      assertThat(newest.taskId()).isEqualTo("load");
      assertThat(newest.runId()).isEqualTo("manual__1");
      assertThat(newest.dttm()).isEqualTo(clock.instant());
    }
  }
}
