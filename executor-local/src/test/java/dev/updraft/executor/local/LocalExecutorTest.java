package dev.updraft.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.executor.local.dags.TestDags;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.scheduler.logs.TryLogPaths;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.scheduler.loop.LoopSettings;
import dev.updraft.scheduler.loop.SchedulingLoop;
import dev.updraft.scheduler.loop.TryExit;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.web.execution.ExecutionApi;
import dev.updraft.web.execution.ExecutionApiDependencies;
import dev.updraft.web.execution.TaskTokens;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local executor with real runner JVMs, a real execution API on a free port and the scheduling
 * loop over a real database.
 */
class LocalExecutorTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String RUN = "manual__2025-01-01T00:00:00+00:00";

  @TempDir Path home;

  /** A database, the execution API, the executor with {@code poolSize} runners, and the loop. */
  private final class Harness implements AutoCloseable {
    final TestDatabases.TestDatabase fresh;
    final Javalin api;
    final LocalExecutor executor;
    final SchedulingLoop loop;
    final TaskInstanceRepository instances;
    final List<TryExit> exits = new CopyOnWriteArrayList<>();
    final Map<String, CompiledDag> dags = new ConcurrentHashMap<>();
    final Path logs = home.resolve("logs");
    final Path artifacts = home.resolve("artifacts");

    Harness(Dialect dialect, int poolSize) throws Exception {
      fresh = TestDatabases.fresh(dialect);
      for (DagFactory factory :
          List.of(
              new TestDags.Xcom(),
              new TestDags.Retry(),
              new TestDags.Branch(),
              new TestDags.Timeout(),
              new TestDags.Frozen(),
              new TestDags.Slow(),
              new TestDags.Chain(),
              new TestDags.Pipeline(),
              new TestDags.VarsAndConns())) {
        CompiledDag dag = DagCompiler.compile(factory.create());
        dags.put(dag.dagId(), dag);
      }
      TaskTokens tokens = new TaskTokens("local-executor-test".getBytes(StandardCharsets.UTF_8));
      api =
          ExecutionApi.create(ExecutionApiDependencies.of(fresh.db(), tokens, artifacts))
              .start("127.0.0.1", 0);
      LoopDags loopDags = LoopDags.of(() -> dags);
      Path dagSource = dagSource();
      LocalExecutorSettings settings =
          LocalExecutorSettings.defaults()
              .withPoolSize(poolSize)
              .withClasspath(runnerClasspath(dagSource))
              .withHeartbeatInterval(Duration.ofMillis(500))
              .withGraces(Duration.ofSeconds(2), Duration.ofSeconds(1));
      executor =
          new LocalExecutor(
              settings,
              q -> tokens.issue(q.taskInstanceId(), Duration.ofHours(1)),
              "http://127.0.0.1:" + api.port() + ExecutionApi.PREFIX,
              dagId -> Optional.of(dagSource),
              loopDags,
              logs);
      loop =
          new SchedulingLoop(
              fresh.db(),
              loopDags,
              executor,
              new LoopSettings(16, Duration.ofMillis(10)),
              Clock.systemUTC());
      executor.onTryExit(
          exit -> {
            exits.add(exit);
            loop.wakeup().signal();
          });
      instances = new TaskInstanceRepository(fresh.db());
      await("the runners to warm up", () -> executor.idleRunners() == poolSize);
    }

    void queue(String dagId) {
      queue(dagId, RUN, Instant.parse("2025-01-01T00:00:00Z"));
    }

    void queue(String dagId, String runId, Instant at) {
      new DagRunRepository(fresh.db()).create(NewDagRun.manualAt(dagId, runId, at, "test"));
    }

    DagRunState runState(String dagId) {
      return new DagRunRepository(fresh.db()).find(dagId, RUN).orElseThrow().state();
    }

    TaskInstanceRecord ti(String dagId, String taskId) {
      return instances.find(dagId, RUN, taskId, -1).orElseThrow();
    }

    Path log(String dagId, String taskId, int tryNumber) {
      return new TryLogPaths(logs).logFile(dagId, RUN, taskId, -1, tryNumber);
    }

    /** Runs loop passes until {@code condition} holds. */
    void runUntil(String what, BooleanSupplier condition) {
      await(
          what,
          () -> {
            loop.runOnce(Instant.now());
            return condition.getAsBoolean();
          });
    }

    Optional<TryExit> exitOf(String dagId, String taskId) {
      return exits.stream()
          .filter(e -> e.queuedTry().dagId().equals(dagId) && e.queuedTry().taskId().equals(taskId))
          .findFirst();
    }

    @Override
    public void close() {
      executor.close();
      api.stop();
      fresh.close();
    }
  }

  @Test
  void aTaskReadsVariablesAndConnectionsThroughTheApi() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      new VariableRepository(h.fresh.db()).set("region", "eu-west-1");
      new VariableRepository(h.fresh.db()).set("cfg", "{\"bucket\": \"raw\"}");
      new ConnectionRepository(h.fresh.db(), SecretCipher.withoutKey())
          .set(
              new ConnectionRecord(
                  "warehouse", "postgres", null, "db.internal", null, "etl", null, 5432, null));
      h.queue("vars_and_conns");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.runState("vars_and_conns"))
          .as(Files.readString(h.log("vars_and_conns", "read", 1)))
          .isEqualTo(DagRunState.SUCCESS);
      assertThat(
              new XComRepository(h.fresh.db()).pull("vars_and_conns", RUN, "read", "return_value"))
          .hasValue("\"eu-west-1 etl@db.internal:5432 false raw\"");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void aTryPushesAnXComThatTheNextTryPullsAndStdoutLandsInTheTryLog(Dialect dialect)
      throws Exception {
    try (Harness h = new Harness(dialect, 2)) {
      h.queue("xcom");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.runState("xcom")).isEqualTo(DagRunState.SUCCESS);
      assertThat(new XComRepository(h.fresh.db()).pull("xcom", RUN, "consume", "return_value"))
          .hasValue("\"HELLO\"");
      String log = Files.readString(h.log("xcom", "produce", 1));
      assertThat(log)
          .contains("producing hello on stdout")
          .containsPattern("\\[updraft\\] runner pid \\d+ starts xcom\\.produce")
          .contains("[updraft] reported success");
      assertThat(Files.readString(h.log("xcom", "consume", 1))).contains("consumed hello");
      await("both tries' exits", () -> h.exits.size() == 2);
      assertThat(h.exits).noneMatch(TryExit::failed);
    }
  }

  @Test
  void aBranchSkipsTheTaskItDidNotChooseAndRenderedFieldsAreStored() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 2)) {
      h.queue("branch");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.runState("branch")).isEqualTo(DagRunState.SUCCESS);
      assertThat(h.ti("branch", "left").state()).isEqualTo(TaskState.SUCCESS);
      assertThat(h.ti("branch", "right").state()).isEqualTo(TaskState.SKIPPED);
      assertThat(h.ti("branch", "left").renderedFields()).contains("echo left on 2025-01-01");
      assertThat(read(h.log("branch", "left", 1))).contains("left on 2025-01-01");
    }
  }

  @Test
  void aTryCancelledMidRunIsReportedFailedAndItsRunnerReplaced() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("slow");
      Path log = h.log("slow", "wait", 1);
      h.runUntil("wait to be running", () -> read(log).contains("waiting"));
      long runnerPid = number(read(log), "runner pid (\\d+) starts");

      assertThat(h.executor.cancel(h.ti("slow", "wait").id())).isTrue();

      h.runUntil("the cancelled try's exit", () -> h.exitOf("slow", "wait").isPresent());
      assertThat(h.exitOf("slow", "wait").orElseThrow().reason()).isEqualTo("cancelled");
      await("the runner to be gone", () -> !alive(runnerPid));
      h.runUntil("quick to succeed", () -> h.ti("slow", "quick").state() == TaskState.SUCCESS);
    }
  }

  @Test
  void runnersThatCannotStartFailTheWaitingTries() throws Exception {
    List<TryExit> exits = new CopyOnWriteArrayList<>();
    LocalExecutorSettings broken =
        LocalExecutorSettings.defaults().withPoolSize(1).withClasspath(List.of(home));
    try (LocalExecutor executor =
        new LocalExecutor(
            broken,
            q -> "token",
            "http://127.0.0.1:9/execution",
            dagId -> Optional.of(home),
            dagId -> Optional.empty(),
            home.resolve("logs"))) {
      executor.onTryExit(exits::add);
      var q =
          new dev.updraft.scheduler.loop.QueuedTry(
              java.util.UUID.randomUUID(), "xcom", RUN, "produce", 1);

      executor.submit(q);

      await("the try to be failed", () -> !exits.isEmpty());
      assertThat(exits.get(0).queuedTry()).isEqualTo(q);
      assertThat(exits.get(0).reason()).contains("exit before they are ready");
    }
  }

  @Test
  void runnersGetNoDatabaseCredentials() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("xcom");
      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      String secretUrl = System.getenv().getOrDefault("UPDRAFT_TEST_PG_URL", "jdbc:");
      for (List<String> command : h.executor.runnerCommands()) {
        assertThat(String.join(" ", command))
            .doesNotContain("jdbc:")
            .doesNotContain(secretUrl)
            .contains("dev.updraft.runner.RunnerMain");
      }
      for (ProcessHandle runner : h.executor.runners()) {
        Path environ = Path.of("/proc", Long.toString(runner.pid()), "environ");
        String env = new String(Files.readAllBytes(environ), StandardCharsets.UTF_8);
        assertThat(env).doesNotContain("jdbc:").doesNotContain("UPDRAFT_TEST_PG_URL");
        for (String entry : env.split("\0")) {
          if (!entry.isEmpty()) {
            assertThat(RunnerProcess.INHERITED_ENV)
                .contains(entry.substring(0, entry.indexOf('=')));
          }
        }
      }
    }
  }

  @Test
  void aFailedTryWithRetriesLeftIsReportedUpForRetry() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("retry");

      h.runUntil(
          "flaky to be up for retry",
          () ->
              h.ti("retry", "flaky").state() == TaskState.UP_FOR_RETRY
                  && h.exitOf("retry", "flaky").isPresent());

      assertThat(h.exitOf("retry", "flaky"))
          .hasValueSatisfying(e -> assertThat(e.failed()).isFalse());
      assertThat(Files.readString(h.log("retry", "flaky", 1)))
          .contains("flaky on purpose")
          .contains("[updraft] reported up_for_retry");
    }
  }

  @Test
  void aTryPastItsExecutionTimeoutFailsAndItsRunnerTreeIsKilled() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("timeout");

      h.runUntil("sleepy to fail", () -> h.ti("timeout", "sleepy").state() == TaskState.FAILED);

      String log = Files.readString(h.log("timeout", "sleepy", 1));
      long sleepPid = number(log, "grandchild sleep pid (\\d+)");
      long runnerPid = number(log, "runner pid (\\d+) starts");
      await("the grandchild sleep to be gone", () -> !alive(sleepPid));
      await("the runner to be gone", () -> !alive(runnerPid));
      await(
          "a new runner",
          () ->
              h.executor.idleRunners() == 1
                  && h.executor.runners().stream().noneMatch(p -> p.pid() == runnerPid));
      assertThat(log).contains("execution_timeout");
    }
  }

  @Test
  void aFrozenRunnerPastItsTrysTimeoutAndGraceIsKilledByTheExecutor() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("frozen");
      Path log = h.log("frozen", "sleepy", 1);
      h.runUntil("sleepy to start its grandchild", () -> read(log).contains("grandchild sleep"));
      long sleepPid = number(read(log), "grandchild sleep pid (\\d+)");
      long runnerPid = number(read(log), "runner pid (\\d+) starts");

      // A runner that cannot report (stopped, thrashing) is stopped by the executor's own deadline.
      assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(runnerPid)).start().waitFor())
          .isZero();

      h.runUntil("the try's exit", () -> h.exitOf("frozen", "sleepy").isPresent());
      TryExit exit = h.exitOf("frozen", "sleepy").orElseThrow();
      assertThat(exit.failed()).isTrue();
      assertThat(exit.reason()).contains("execution_timeout");
      await("the runner to be gone", () -> !alive(runnerPid));
      await("the grandchild sleep to be gone", () -> !alive(sleepPid));
      await("a new runner", () -> h.executor.idleRunners() == 1);
      assertThat(read(log)).contains("stopping runner pid " + runnerPid);
    }
  }

  @Test
  void aRunnerKilledMidTryIsReportedFailedAndReplaced() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("slow");
      Path log = h.log("slow", "wait", 1);
      h.runUntil("wait to be running", () -> Files.exists(log) && read(log).contains("waiting"));
      long runnerPid = number(read(log), "runner pid (\\d+) starts");

      ProcessHandle.of(runnerPid).orElseThrow().destroyForcibly();

      h.runUntil("the runner's exit", () -> h.exitOf("slow", "wait").isPresent());
      TryExit exit = h.exitOf("slow", "wait").orElseThrow();
      assertThat(exit.failed()).isTrue();
      assertThat(exit.reason()).contains("exited with code");
      // The replacement serves the next try.
      h.runUntil("quick to succeed", () -> h.ti("slow", "quick").state() == TaskState.SUCCESS);
      assertThat(h.executor.runners()).noneMatch(p -> p.pid() == runnerPid).hasSize(1);
    }
  }

  @Test
  void aTryMarkedFailedElsewhereStopsAtItsNextHeartbeat() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 1)) {
      h.queue("slow");
      Path log = h.log("slow", "wait", 1);
      h.runUntil("wait to be running", () -> read(log).contains("waiting"));
      long runnerPid = number(read(log), "runner pid (\\d+) starts");

      // As a user marking it failed in the UI would.
      assertThat(
              h.instances.transition(
                  h.ti("slow", "wait").id(),
                  java.util.Set.of(TaskState.RUNNING),
                  TaskState.FAILED,
                  dev.updraft.metadata.state.TransitionDetails.at(Instant.now())))
          .isTrue();

      h.runUntil("the runner to stop", () -> h.exitOf("slow", "wait").isPresent());
      assertThat(h.exitOf("slow", "wait").orElseThrow().failed()).isFalse();
      await("the runner to be gone", () -> !alive(runnerPid));
      assertThat(read(log)).contains("heartbeat refused");
      h.runUntil("quick to succeed", () -> h.ti("slow", "quick").state() == TaskState.SUCCESS);
      assertThat(h.ti("slow", "wait").state()).isEqualTo(TaskState.FAILED);
    }
  }

  @Test
  void componentsRecordTheirLineageThroughTheApi() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 2)) {
      h.queue("pipeline");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.runState("pipeline")).isEqualTo(DagRunState.SUCCESS);
      var store = new MetadataArtifactStore(new LineageStore(h.fresh.db()), h.artifacts);
      List<Artifact> examples = store.outputsOf("pipeline", RUN, "LineWriter", "examples");
      assertThat(examples).hasSize(1);
      assertThat(Files.readAllLines(examples.get(0).path().resolve("Split-train/data.txt")))
          .hasSize(3);
      List<Artifact> statistics = store.outputsOf("pipeline", RUN, "CountLines", "statistics");
      assertThat(statistics).hasSize(1);
      assertThat(((Number) statistics.get(0).property("lines")).longValue()).isEqualTo(3L);
    }
  }

  /**
   * Forty tasks one after another, twice, on a pool of two runners: every try of both runs ends
   * reported, none failed, and the pool serves them all (timings:
   * bench/run-child-jvm-benchmark.sh).
   */
  @Test
  void fortySequentialTasksRunTwiceOnTwoWarmRunners() throws Exception {
    try (Harness h = new Harness(Dialect.H2, 2)) {
      h.queue("chain40", "first", Instant.parse("2024-12-31T00:00:00Z"));
      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();
      h.queue("chain40");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.runState("chain40")).isEqualTo(DagRunState.SUCCESS);
      await("every try's exit", () -> h.exits.size() == 80);
      assertThat(h.exits).noneMatch(TryExit::failed);
      for (int i = 0; i < 40; i++) {
        assertThat(read(h.log("chain40", "t" + i, 1))).contains("after").contains("success");
      }
    }
  }

  private static Path dagSource() throws Exception {
    return Path.of(TestDags.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** This JVM's class path without the test classes, which the runners load as a DAG source. */
  private static List<Path> runnerClasspath(Path testClasses) {
    return RunnerClasspath.detect().stream()
        .filter(entry -> !entry.toAbsolutePath().equals(testClasses.toAbsolutePath()))
        .toList();
  }

  private static long number(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("'%s' in:%n%s", regex, text).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
