package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaskInstanceHeartbeatTest {
  private static final Instant T = Instant.parse("2025-02-01T12:00:00Z");

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void startingATryCountsAsAHeartbeatAndLaterBeatsMoveItOn(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      Runs.run(db, "etl", "r");
      TaskInstanceRepository tis = new TaskInstanceRepository(db, TestClock.at(T.toString()));
      TaskInstanceRecord ti = TaskInstanceRecord.newInstance("etl", "r", "load");
      tis.createForRun(List.of(ti));

      assertThat(tis.heartbeat(ti.id(), T)).as("not running yet").isFalse();
      start(tis, ti, T);
      assertThat(tis.lastHeartbeat(ti.id())).contains(T);
      int version = tis.find(ti.id()).orElseThrow().version();

      assertThat(tis.heartbeat(ti.id(), T.plusSeconds(5))).isTrue();
      assertThat(tis.lastHeartbeat(ti.id())).contains(T.plusSeconds(5));
      assertThat(tis.find(ti.id()).orElseThrow().version())
          .as("a heartbeat leaves the version alone")
          .isEqualTo(version);

      tis.transition(
          ti.id(), Set.of(TaskState.RUNNING), TaskState.SUCCESS, TransitionDetails.at(T));
      assertThat(tis.heartbeat(ti.id(), T.plusSeconds(9))).isFalse();
      assertThat(tis.lastHeartbeat(ti.id())).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listsRunningInstancesSilentSinceTheCutoff(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      Runs.run(db, "etl", "r");
      TaskInstanceRepository tis = new TaskInstanceRepository(db, TestClock.at(T.toString()));
      TaskInstanceRecord quiet = TaskInstanceRecord.newInstance("etl", "r", "quiet");
      TaskInstanceRecord alive = TaskInstanceRecord.newInstance("etl", "r", "alive");
      TaskInstanceRecord waiting = TaskInstanceRecord.newInstance("etl", "r", "waiting");
      tis.createForRun(List.of(quiet, alive, waiting));
      start(tis, quiet, T);
      start(tis, alive, T);
      tis.heartbeat(alive.id(), T.plus(Duration.ofMinutes(4)));

      assertThat(tis.listRunningSilentSince(T.plus(Duration.ofMinutes(3)), 10))
          .extracting(TaskInstanceRecord::taskId)
          .containsExactly("quiet");
      assertThat(tis.listRunningSilentSince(T, 10)).isEmpty();
    }
  }

  private static void start(TaskInstanceRepository tis, TaskInstanceRecord ti, Instant at) {
    assertThat(
            tis.transition(
                ti.id(),
                TaskInstanceRepository.noStateOr(),
                TaskState.SCHEDULED,
                TransitionDetails.at(at)))
        .isTrue();
    assertThat(
            tis.transition(
                ti.id(), Set.of(TaskState.SCHEDULED), TaskState.QUEUED, TransitionDetails.at(at)))
        .isTrue();
    assertThat(
            tis.transition(
                ti.id(),
                Set.of(TaskState.QUEUED),
                TaskState.RUNNING,
                TransitionDetails.at(at).withProcess("host", 42)))
        .isTrue();
  }
}
