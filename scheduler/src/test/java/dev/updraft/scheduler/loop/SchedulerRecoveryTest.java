package dev.updraft.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.EventLogRecord;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.JobRepository;
import dev.updraft.metadata.state.JobState;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskContext;
import dev.updraft.sdk.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Heartbeats, dead runners, dead schedulers, depends_on_past, dagrun_timeout and try logs. */
class SchedulerRecoveryTest {
  private static final String BOTH = "dev.updraft.metadata.TestDatabases#both";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path artifacts;
  @TempDir Path logs;

  /** Fast heartbeat checks: a try silent for 1 s is a zombie; a scheduler silent 1 s is dead. */
  private static LoopSettings fastChecks() {
    return new LoopSettings(16, Duration.ofMillis(10))
        .withHeartbeats(
            Duration.ofSeconds(1),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void aTryThatStopsHeartbeatingIsRetriedAndItsLateOutcomeIsIgnored(Dialect dialect) {
    TestDatabases.TestDatabase db = TestDatabases.fresh(dialect);
    // Heartbeats every hour: a running try looks silent, as if its runner hung or vanished.
    try (LoopHarness h =
        new LoopHarness(
            db,
            fastChecks(),
            harness ->
                new InProcessExecutor(
                    db.db(),
                    harness.loopDags,
                    artifacts,
                    2,
                    TryLogSink.discard(),
                    Duration.ofHours(1),
                    Clock.systemUTC()))) {
      DagBuilder dag = Dag.builder("hung");
      dag.task(
              "hung",
              () -> {
                if (TaskContext.current().tryNumber() == 1) {
                  Thread.sleep(3_000);
                  return "late";
                }
                return "second";
              })
          .retries(1)
          .retryDelay(Duration.ZERO);
      h.register(dag);
      h.queue("hung", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      TaskInstanceRecord ti = h.tis("hung", "r1").get("hung");
      assertThat(ti.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(ti.tryNumber()).isEqualTo(2);
      assertThat(h.instances.history(ti.id()))
          .extracting(r -> r.attempt().state())
          .containsExactly(TaskState.UP_FOR_RETRY, TaskState.SUCCESS);
      assertThat(events(h, "heartbeat_timeout"))
          .singleElement()
          .satisfies(e -> assertThat(e.extra()).contains("\"try_number\":1"));
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void aTryWhoseRunnerDiesIsRetriedThenFailed(Dialect dialect) {
    TestDatabases.TestDatabase db = TestDatabases.fresh(dialect);
    try (LoopHarness h = new LoopHarness(db, fastChecks(), harness -> new DyingRunnerExecutor())) {
      DagBuilder dag = Dag.builder("doomed");
      dag.task("doomed", () -> "never runs").retries(1).retryDelay(Duration.ZERO);
      h.register(dag);
      h.queue("doomed", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      TaskInstanceRecord ti = h.tis("doomed", "r1").get("doomed");
      assertThat(ti.state()).isEqualTo(TaskState.FAILED);
      assertThat(ti.tryNumber()).isEqualTo(2);
      assertThat(h.run("doomed", "r1").state()).isEqualTo(DagRunState.FAILED);
      assertThat(events(h, "executor_failure"))
          .hasSize(2)
          .allSatisfy(e -> assertThat(e.extra()).contains("exit code 137"));
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void triesADeadSchedulerLeftQueuedAreResetAndRunOnceByTheNextScheduler(Dialect dialect) {
    TestDatabases.TestDatabase db = TestDatabases.fresh(dialect);
    LoopHarness dead = new LoopHarness(db, fastChecks(), harness -> new LosingExecutor());
    DagBuilder dag = Dag.builder("orphans");
    List<String> ran = new CopyOnWriteArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      dag.task(id, () -> ran.add(id + "#" + TaskContext.current().tryNumber()));
    }
    dead.register(dag);
    long deadJob = dead.loop.startJob("host-a");
    dead.queue("orphans", "r1");
    for (int i = 0; i < 3; i++) {
      dead.loop.runOnce(Instant.now());
    }
    assertThat(dead.states("orphans", "r1")).containsValues(TaskState.QUEUED);
    // The first scheduler is gone without ending its job (as after SIGKILL).

    LoopHarness next =
        new LoopHarness(
            db,
            fastChecks(),
            harness ->
                new InProcessExecutor(db.db(), harness.loopDags, artifacts, 2, Clock.systemUTC()));
    try (next) {
      next.register(dag);
      next.loop.startJob("host-b");

      assertThat(next.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(next.run("orphans", "r1").state()).isEqualTo(DagRunState.SUCCESS);
      assertThat(ran).containsExactlyInAnyOrder("a#2", "b#2", "c#2");
      assertThat(new JobRepository(db.db()).find(deadJob).orElseThrow().state())
          .isEqualTo(JobState.FAILED);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void dependsOnPastWaitsForThePreviousRunsInstanceToSucceed(Dialect dialect) {
    try (LoopHarness h = new LoopHarness(dialect, artifacts, 2, fastChecks())) {
      DagBuilder dag = Dag.builder("past");
      dag.task(
              "step",
              () -> {
                if ("r1".equals(TaskContext.current().runId())) {
                  throw new IllegalStateException("r1 fails");
                }
                return "ok";
              })
          .dependsOnPast(true);
      h.register(dag);
      h.queue("past", "r1");
      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();
      assertThat(h.run("past", "r1").state()).isEqualTo(DagRunState.FAILED);

      h.queue("past", "r2");
      for (int i = 0; i < 5; i++) {
        h.loop.runOnce(Instant.now());
      }
      assertThat(h.tis("past", "r2").get("step").state()).as("waits for r1").isNull();

      h.instances.transition(
          h.tis("past", "r1").get("step").id(),
          java.util.Set.of(TaskState.FAILED),
          TaskState.SUCCESS,
          dev.updraft.metadata.state.TransitionDetails.at(Instant.now()));
      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();
      assertThat(h.states("past", "r2")).containsEntry("step", TaskState.SUCCESS);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void aRunPastItsDagrunTimeoutFailsAndSkipsWhatIsUnfinished(Dialect dialect) {
    try (LoopHarness h = new LoopHarness(dialect, artifacts, 2, fastChecks())) {
      DagBuilder dag = Dag.builder("slow").dagrunTimeout(Duration.ofMillis(300));
      var slow =
          dag.task(
              "slow",
              () -> {
                Thread.sleep(3_000);
                return "done";
              });
      slow.then(dag.empty("after"));
      h.register(dag);
      h.queue("slow", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.run("slow", "r1").state()).isEqualTo(DagRunState.FAILED);
      assertThat(h.states("slow", "r1"))
          .containsEntry("slow", TaskState.SKIPPED)
          .containsEntry("after", TaskState.SKIPPED);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void eachTryLogsToItsOwnAirflowStyleFile(Dialect dialect) throws Exception {
    TestDatabases.TestDatabase db = TestDatabases.fresh(dialect);
    try (LoopHarness h =
        new LoopHarness(
            db,
            fastChecks(),
            harness ->
                new InProcessExecutor(
                    db.db(),
                    harness.loopDags,
                    artifacts,
                    2,
                    TryLogSink.files(
                        t ->
                            logs.resolve(
                                "dag_id="
                                    + t.dagId()
                                    + "/run_id="
                                    + t.runId()
                                    + "/task_id="
                                    + t.taskId()
                                    + "/attempt="
                                    + t.tryNumber()
                                    + ".log")),
                    InProcessExecutor.DEFAULT_HEARTBEAT,
                    Clock.systemUTC()))) {
      DagBuilder dag = Dag.builder("logged");
      dag.bash("say", "echo hello from try $AIRFLOW_CTX_DAG_RUN_ID");
      h.register(dag);
      h.queue("logged", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      Path file = logs.resolve("dag_id=logged/run_id=r1/task_id=say/attempt=1.log");
      assertThat(Files.readString(file)).contains("hello from try");
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void runsOfAPausedDagWaitUntilItIsUnpaused(Dialect dialect) {
    try (LoopHarness h = new LoopHarness(dialect, artifacts, 2, fastChecks())) {
      DagBuilder dag = Dag.builder("paused");
      dag.empty("only");
      h.register(dag);
      h.fresh
          .db()
          .withHandle(
              x -> x.execute("INSERT INTO dag (dag_id, is_paused) VALUES ('paused', TRUE)"));
      h.queue("paused", "r1");
      for (int i = 0; i < 3; i++) {
        h.loop.runOnce(Instant.now());
      }
      assertThat(h.run("paused", "r1").state()).isEqualTo(DagRunState.QUEUED);

      h.fresh.db().withHandle(x -> x.execute("UPDATE dag SET is_paused = FALSE"));
      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();
      assertThat(h.run("paused", "r1").state()).isEqualTo(DagRunState.SUCCESS);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void backfillRunsStartWithinTheBackfillsOwnMaxActiveRuns(Dialect dialect) {
    try (LoopHarness h = new LoopHarness(dialect, artifacts, 2, fastChecks())) {
      DagBuilder dag = Dag.builder("filled").maxActiveRuns(1);
      dag.task(
          "step",
          () -> {
            Thread.sleep(200);
            return "ok";
          });
      h.register(dag);
      h.queue("filled", "manual");
      for (String runId : List.of("b1", "b2", "b3")) {
        h.queue("filled", runId);
      }
      h.fresh
          .db()
          .withHandle(
              x -> {
                x.execute(
                    "INSERT INTO backfill (id, dag_id, from_date, to_date, max_active_runs,"
                        + " created_at, updated_at) VALUES (7, 'filled', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP, 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                return x.execute(
                    "UPDATE dag_run SET backfill_id = 7 WHERE run_id IN ('b1', 'b2', 'b3')");
              });

      h.loop.runOnce(Instant.now());

      // The DAG's max_active_runs (1) holds the manual run alone; the backfill's (2) its own.
      assertThat(List.of("manual", "b1", "b2", "b3"))
          .extracting(runId -> h.run("filled", runId).state())
          .containsExactly(
              DagRunState.RUNNING, DagRunState.RUNNING, DagRunState.RUNNING, DagRunState.QUEUED);

      h.fresh.db().withHandle(x -> x.execute("UPDATE backfill SET is_paused = TRUE"));
      assertThat(h.loop.runUntilIdle(Duration.ofSeconds(3))).as("b3 waits while paused").isFalse();
      assertThat(h.run("filled", "b3").state()).isEqualTo(DagRunState.QUEUED);

      h.fresh.db().withHandle(x -> x.execute("UPDATE backfill SET is_paused = FALSE"));
      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();
      assertThat(h.run("filled", "b3").state()).isEqualTo(DagRunState.SUCCESS);
    }
  }

  private static List<EventLogRecord> events(LoopHarness h, String event) {
    return new EventLogRepository(h.fresh.db())
        .list(100).stream().filter(e -> event.equals(e.event())).toList();
  }

  /**
   * Test double for a runner process that dies at once (as if killed with SIGKILL before it
   * reported anything): it never runs the try and reports a failed exit.
   */
  private static final class DyingRunnerExecutor implements TaskExecutor {
    private volatile Consumer<TryExit> listener = exit -> {};

    @Override
    public void submit(QueuedTry queuedTry) {
      Thread.ofVirtual().start(() -> listener.accept(TryExit.failed(queuedTry, "exit code 137")));
    }

    @Override
    public void onTryExit(Consumer<TryExit> listener) {
      this.listener = listener;
    }
  }

  /** Test double for a scheduler's in-memory queue lost with its process: it drops every try. */
  private static final class LosingExecutor implements TaskExecutor {
    @Override
    public void submit(QueuedTry queuedTry) {}
  }
}
