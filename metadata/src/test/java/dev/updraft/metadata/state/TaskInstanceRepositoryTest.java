package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaskInstanceRepositoryTest {
  private static final Instant T = Instant.parse("2025-02-01T12:00:00Z");

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createForRunStoresInstancesAndFindsThem(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      Runs.run(db, "etl", "r");
      TestClock clock = TestClock.at("2025-02-01T11:00:00Z");
      TaskInstanceRepository tis = new TaskInstanceRepository(db, clock);
      TaskInstanceRecord load =
          TaskInstanceRecord.newInstance("etl", "r", "load")
              .withMaxTries(2)
              .withPool("db_pool", 2)
              .withQueue("gpu", 7)
              .withOperator("ShellOperator", "LocalExecutor");
      TaskInstanceRecord mapped0 =
          TaskInstanceRecord.newInstance("etl", "r", "fan").withMapIndex(0);
      TaskInstanceRecord mapped1 =
          TaskInstanceRecord.newInstance("etl", "r", "fan").withMapIndex(1);

      tis.createForRun(List.of(load, mapped1, mapped0));

      TaskInstanceRecord stored = tis.find(load.id()).orElseThrow();
      assertThat(stored).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(load);
      assertThat(stored.mapIndex()).isEqualTo(-1);
      assertThat(stored.tryNumber()).isZero();
      assertThat(stored.maxTries()).isEqualTo(2);
      assertThat(stored.state()).isNull();
      assertThat(stored.pool()).isEqualTo("db_pool");
      assertThat(stored.poolSlots()).isEqualTo(2);
      assertThat(stored.queue()).isEqualTo("gpu");
      assertThat(stored.priorityWeight()).isEqualTo(7);
      assertThat(stored.operator()).isEqualTo("ShellOperator");
      assertThat(stored.executor()).isEqualTo("LocalExecutor");
      assertThat(stored.updatedAt()).isEqualTo(clock.instant());
      assertThat(stored.version()).isZero();
      assertThat(tis.find("etl", "r", "fan", 1).orElseThrow().id()).isEqualTo(mapped1.id());
      assertThat(tis.find("etl", "r", "fan", 2)).isEmpty();
      assertThat(tis.find(UUID.randomUUID())).isEmpty();
      assertThat(tis.listForRun("etl", "r"))
          .extracting(TaskInstanceRecord::taskId, TaskInstanceRecord::mapIndex)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("fan", 0),
              org.assertj.core.groups.Tuple.tuple("fan", 1),
              org.assertj.core.groups.Tuple.tuple("load", -1));
      assertThat(
              Raw.one(
                  db,
                  String.class,
                  "SELECT pool FROM task_instance WHERE task_id = 'fan' AND map_index = 0"))
          .isEqualTo("default_pool");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createForRunRejectsDuplicatesAndMissingRuns(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      Runs.run(db, "etl", "r");
      TaskInstanceRepository tis = new TaskInstanceRepository(db);
      tis.createForRun(List.of(TaskInstanceRecord.newInstance("etl", "r", "a")));

      assertThatThrownBy(
              () ->
                  tis.createForRun(
                      List.of(
                          TaskInstanceRecord.newInstance("etl", "r", "b"),
                          TaskInstanceRecord.newInstance("etl", "r", "a"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "cannot create task instances of run 'r' of DAG 'etl': one of them already exists");
      assertThat(tis.listForRun("etl", "r")).as("all or nothing").hasSize(1);
      assertThatThrownBy(
              () -> tis.createForRun(List.of(TaskInstanceRecord.newInstance("etl", "nope", "a"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "cannot create task instances of run 'nope' of DAG 'etl': the run does not exist");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void transitionWithUnexpectedStateReturnsFalseAndChangesNothing(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      TaskInstanceRecord ti = Runs.runWithTasks(db, "etl", "r", TaskState.QUEUED, "a").get(0);
      TaskInstanceRepository tis = new TaskInstanceRepository(db);

      boolean applied =
          tis.transition(
              ti.id(),
              Set.of(TaskState.SCHEDULED, TaskState.RUNNING),
              TaskState.SUCCESS,
              TransitionDetails.at(T).withProcess("host-1", 42).withNote("should not land"));

      assertThat(applied).isFalse();
      assertThat(tis.find(ti.id())).contains(ti);
      assertThat(tis.history(ti.id())).isEmpty();
      assertThat(
              tis.transition(
                  UUID.randomUUID(),
                  Set.of(TaskState.QUEUED),
                  TaskState.RUNNING,
                  TransitionDetails.at(T)))
          .as("no such instance")
          .isFalse();
      assertThat(
              tis.transition(
                  ti.id(),
                  Set.of(TaskState.QUEUED),
                  TaskState.RUNNING,
                  TransitionDetails.at(T).expectingVersion(ti.version() + 1)))
          .as("stale expected version")
          .isFalse();
      assertThat(tis.find(ti.id())).contains(ti);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void fullLifecycleStampsDatesCountsTriesAndRecordsHistory(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      TaskInstanceRecord created = Runs.runWithTasks(db, "etl", "r", null, "train").get(0);
      TaskInstanceRepository tis = new TaskInstanceRepository(db);
      UUID id = created.id();

      // Try 1: none -> scheduled -> queued -> running -> up_for_retry.
      assertThat(
              tis.transition(
                  id,
                  TaskInstanceRepository.noStateOr(),
                  TaskState.SCHEDULED,
                  TransitionDetails.at(T)))
          .isTrue();
      TaskInstanceRecord scheduled = tis.find(id).orElseThrow();
      assertThat(scheduled.state()).isEqualTo(TaskState.SCHEDULED);
      assertThat(scheduled.tryNumber()).as("scheduling starts try 1").isEqualTo(1);
      assertThat(scheduled.scheduledDttm()).isEqualTo(T);
      assertThat(scheduled.version()).isEqualTo(1);

      Instant queued = T.plusSeconds(1);
      assertThat(
              tis.transition(
                  id,
                  Set.of(TaskState.SCHEDULED),
                  TaskState.QUEUED,
                  TransitionDetails.at(queued).withExecutor("LocalExecutor", "job-7")))
          .isTrue();
      Instant started = T.plusSeconds(2);
      assertThat(
              tis.transition(
                  id,
                  Set.of(TaskState.QUEUED),
                  TaskState.RUNNING,
                  TransitionDetails.at(started).withProcess("worker-1", 4242)))
          .isTrue();
      TaskInstanceRecord running = tis.find(id).orElseThrow();
      assertThat(running.queuedDttm()).isEqualTo(queued);
      assertThat(running.startDate()).isEqualTo(started);
      assertThat(running.hostname()).isEqualTo("worker-1");
      assertThat(running.pid()).isEqualTo(4242);
      assertThat(running.executor()).isEqualTo("LocalExecutor");
      assertThat(running.externalExecutorId()).isEqualTo("job-7");
      assertThat(running.tryNumber()).isEqualTo(1);

      Instant failed = started.plusMillis(2500);
      assertThat(
              tis.transition(
                  id,
                  Set.of(TaskState.RUNNING),
                  TaskState.UP_FOR_RETRY,
                  TransitionDetails.at(failed)))
          .isTrue();
      TaskInstanceRecord retry = tis.find(id).orElseThrow();
      assertThat(retry.endDate()).isEqualTo(failed);
      assertThat(retry.duration()).isEqualTo(2.5);

      // Try 2: scheduled again starts a new try and clears try 1's dates.
      Instant rescheduled = failed.plusSeconds(60);
      assertThat(
              tis.transition(
                  id,
                  Set.of(TaskState.UP_FOR_RETRY),
                  TaskState.SCHEDULED,
                  TransitionDetails.at(rescheduled)))
          .isTrue();
      TaskInstanceRecord second = tis.find(id).orElseThrow();
      assertThat(second.tryNumber()).isEqualTo(2);
      assertThat(second.startDate()).isNull();
      assertThat(second.endDate()).isNull();
      assertThat(second.duration()).isNull();
      assertThat(second.pid()).isNull();
      tis.transition(
          id,
          Set.of(TaskState.SCHEDULED),
          TaskState.QUEUED,
          TransitionDetails.at(rescheduled.plusSeconds(1)));
      tis.transition(
          id,
          Set.of(TaskState.QUEUED),
          TaskState.RUNNING,
          TransitionDetails.at(rescheduled.plusSeconds(2)).withProcess("worker-2", 99));
      Instant succeeded = rescheduled.plusSeconds(12);
      assertThat(
              tis.transition(
                  id,
                  Set.of(TaskState.RUNNING),
                  TaskState.SUCCESS,
                  TransitionDetails.at(succeeded).withRenderedFields("{\"cmd\":\"echo hi\"}")))
          .isTrue();

      TaskInstanceRecord done = tis.find(id).orElseThrow();
      assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(done.duration()).isEqualTo(10.0);
      assertThat(done.renderedFields()).isEqualTo("{\"cmd\":\"echo hi\"}");
      assertThat(done.version()).isEqualTo(8);

      List<TaskInstanceHistoryRecord> history = tis.history(id);
      assertThat(history).hasSize(2);
      assertThat(history).extracting(h -> h.attempt().tryNumber()).containsExactly(1, 2);
      assertThat(history)
          .extracting(h -> h.attempt().state())
          .containsExactly(TaskState.UP_FOR_RETRY, TaskState.SUCCESS);
      TaskInstanceRecord firstTry = history.get(0).attempt();
      assertThat(firstTry.id()).isEqualTo(id);
      assertThat(firstTry.startDate()).isEqualTo(started);
      assertThat(firstTry.endDate()).isEqualTo(failed);
      assertThat(firstTry.hostname()).isEqualTo("worker-1");
      assertThat(firstTry.pid()).isEqualTo(4242);
      assertThat(history.get(1).attempt()).usingRecursiveComparison().isEqualTo(done);
      assertThat(history.get(0).historyId()).isLessThan(history.get(1).historyId());

      // Marking the finished try failed rewrites its history row instead of adding one.
      assertThat(
              tis.transition(
                  id,
                  Set.of(TaskState.SUCCESS),
                  TaskState.FAILED,
                  TransitionDetails.at(succeeded.plusSeconds(5)).withNote("bad output")))
          .isTrue();
      assertThat(tis.history(id))
          .extracting(h -> h.attempt().state())
          .containsExactly(TaskState.UP_FOR_RETRY, TaskState.FAILED);
      assertThat(tis.history(id).get(1).attempt().note()).isEqualTo("bad output");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void skippedWithoutRunningStartsAndEndsAtOnceAndListsByState(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      List<TaskInstanceRecord> created =
          Runs.runWithTasks(db, "etl", "r", TaskState.SCHEDULED, "a", "b", "c");
      TaskInstanceRepository tis = new TaskInstanceRepository(db);

      assertThat(
              tis.transition(
                  created.get(0).id(),
                  Set.of(TaskState.SCHEDULED),
                  TaskState.SKIPPED,
                  TransitionDetails.at(T)))
          .isTrue();
      TaskInstanceRecord skipped = tis.find(created.get(0).id()).orElseThrow();
      assertThat(skipped.startDate()).isEqualTo(T);
      assertThat(skipped.endDate()).isEqualTo(T);
      assertThat(skipped.duration()).isEqualTo(0.0);
      assertThat(tis.history(skipped.id())).hasSize(1);

      assertThat(tis.listByState(TaskState.SCHEDULED, 10))
          .extracting(TaskInstanceRecord::taskId)
          .containsExactlyInAnyOrder("b", "c");
      assertThat(tis.listByState(TaskState.SCHEDULED, 1)).hasSize(1);
      Map<String, TaskState> states =
          db.withHandle(
              h ->
                  h.createQuery("SELECT task_id, state FROM task_instance")
                      .map(
                          (rs, ctx) ->
                              Map.entry(
                                  rs.getString(1),
                                  TaskState.fromValue(rs.getString(2)).orElseThrow()))
                      .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(states)
          .containsEntry("a", TaskState.SKIPPED)
          .containsEntry("b", TaskState.SCHEDULED);
      assertThat(Raw.one(db, String.class, "SELECT state FROM task_instance WHERE task_id = 'a'"))
          .isEqualTo("skipped");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void deferredTryResumesWithoutANewTry(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      TaskInstanceRecord ti = Runs.runWithTasks(db, "etl", "r", TaskState.QUEUED, "sensor").get(0);
      TaskInstanceRepository tis = new TaskInstanceRepository(db);
      UUID id = ti.id();
      tis.transition(
          id, Set.of(TaskState.QUEUED), TaskState.RUNNING, TransitionDetails.at(T).asNewTry());
      tis.transition(
          id,
          Set.of(TaskState.RUNNING),
          TaskState.DEFERRED,
          TransitionDetails.at(T.plusSeconds(1)));
      tis.transition(
          id,
          Set.of(TaskState.DEFERRED),
          TaskState.SCHEDULED,
          TransitionDetails.at(T.plusSeconds(30)));
      tis.transition(
          id,
          Set.of(TaskState.SCHEDULED),
          TaskState.QUEUED,
          TransitionDetails.at(T.plusSeconds(31)));
      tis.transition(
          id, Set.of(TaskState.QUEUED), TaskState.RUNNING, TransitionDetails.at(T.plusSeconds(32)));

      TaskInstanceRecord resumed = tis.find(id).orElseThrow();
      assertThat(resumed.tryNumber()).as("asNewTry started try 1; resuming keeps it").isEqualTo(1);
      assertThat(resumed.state()).isEqualTo(TaskState.RUNNING);
      assertThat(resumed.scheduledDttm()).isEqualTo(T.plusSeconds(30));
    }
  }
}
