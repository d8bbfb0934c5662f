package dev.updraft.cli.internal.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code updraft scheduler} processes on one PostgreSQL: two share the work and run each try
 * exactly once; one killed with SIGKILL is resumed by the next with nothing lost or run twice.
 */
class SchedulerProcessesTest {
  @TempDir Path home;
  private TestDatabases.TestDatabase pg;
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void database() throws IOException {
    pg = TestDatabases.fresh(Dialect.POSTGRESQL);
    // A class folder whose services entry names the test DAG; its classes come from the classpath.
    Path services = home.resolve("dags/marked/META-INF/services/dev.updraft.sdk.DagFactory");
    Files.createDirectories(services.getParent());
    Files.writeString(services, MarkedTasksDag.class.getName() + "\n");
  }

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (pg != null) { // null when PostgreSQL is not configured and the test was skipped
      pg.close();
    }
  }

  @Test
  void twoSchedulersShareOnePostgresAndRunEachOf500TriesExactlyOnce() throws Exception {
    Map<String, String> env = Map.of("MARKED_TASKS", "50", "MARKED_TASKS_SLEEP_MS", "5");
    startScheduler("a", env);
    startScheduler("b", env);
    List<String> runIds = queueRuns(10);

    awaitRunsFinished(runIds, Duration.ofSeconds(120));

    List<String> starts = lines("start");
    assertThat(starts).hasSize(500);
    assertThat(tries(starts)).as("each try started once").hasSize(500);
    assertThat(starts).allSatisfy(line -> assertThat(line.split(" ")[3]).isEqualTo("1"));
    assertThat(lines("end")).hasSize(500);
    Set<String> pids = starts.stream().map(line -> line.split(" ")[4]).collect(Collectors.toSet());
    assertThat(pids).as("both schedulers took work").hasSize(2);
    for (String runId : runIds) {
      assertThat(run(runId).state()).isEqualTo(DagRunState.SUCCESS);
    }
  }

  @Test
  void aSchedulerKilledWithSigkillIsResumedWithNothingLostAndNoTryRunTwice() throws Exception {
    Map<String, String> env =
        Map.of(
            "MARKED_TASKS", "20",
            "MARKED_TASKS_SLEEP_MS", "800",
            "UPDRAFT_TASK_HEARTBEAT_TIMEOUT_SECONDS", "3",
            "UPDRAFT_SCHEDULER_HEALTH_CHECK_THRESHOLD_SECONDS", "2",
            "UPDRAFT_PARALLELISM", "8");
    Process first = startScheduler("first", env);
    List<String> runIds = queueRuns(2);
    Instant deadline = Instant.now().plusSeconds(60);
    // Kill once some tries ended and at least one is mid-sleep, so the kill always cuts one off
    // (tries start and end in waves: between two waves none may be in flight).
    while ((lines("end").size() < 4 || inFlight().isEmpty()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    first.destroyForcibly().waitFor(); // SIGKILL: no clean stop, its job stays "running"
    Set<String> startedByFirst = tries(lines("start"));
    assertThat(startedByFirst).as("killed mid-work").isNotEmpty();

    startScheduler("second", env);
    awaitRunsFinished(runIds, Duration.ofSeconds(120));

    List<String> starts = lines("start");
    assertThat(tries(starts)).as("no try started twice").hasSize(starts.size());
    Map<String, Integer> lastTry = new HashMap<>();
    for (String line : starts) {
      String[] f = line.split(" ");
      lastTry.merge(f[1] + " " + f[2], Integer.parseInt(f[3]), Math::max);
    }
    assertThat(lastTry).as("every task of both runs ran").hasSize(40);
    for (String runId : runIds) {
      assertThat(run(runId).state()).isEqualTo(DagRunState.SUCCESS);
      for (TaskInstanceRecord ti :
          new TaskInstanceRepository(pg.db()).listForRun("marked", runId)) {
        assertThat(ti.state()).as(ti.taskId()).isEqualTo(TaskState.SUCCESS);
        assertThat(ti.tryNumber())
            .as("the try that finished is the last one started for %s", ti.taskId())
            .isEqualTo(lastTry.get(runId + " " + ti.taskId()));
      }
    }
    assertThat(starts.size()).as("tries cut off by the kill were retried").isGreaterThan(40);
  }

  private Process startScheduler(String name, Map<String, String> extra) throws Exception {
    Path log = home.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.updraft.cli.Main",
                "scheduler")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("UPDRAFT_HOME", home.resolve(name).toString());
    env.put("UPDRAFT_DB_URL", schemaUrl());
    env.put("UPDRAFT_DAGS_FOLDER", home.resolve("dags").toString());
    env.put("UPDRAFT_LOAD_EXAMPLES", "false");
    env.put("UPDRAFT_EXECUTOR", "InProcessExecutor");
    env.put("UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION", "false");
    env.put("MARKED_TASKS_LOG", home.resolve("marks.log").toString());
    env.putAll(extra);
    Process process = builder.start();
    processes.add(process);
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains("is ready")) {
        return process;
      }
      assertThat(process.isAlive()).as("scheduler %s exited: %s", name, out).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("scheduler " + name + " not ready: " + Files.readString(log));
  }

  private String schemaUrl() {
    String url = System.getenv("UPDRAFT_TEST_PG_URL");
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + pg.db().config().schema();
  }

  private List<String> queueRuns(int count) {
    DagRunRepository runs = new DagRunRepository(pg.db());
    List<String> ids = new ArrayList<>();
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      Instant at = base.plusSeconds(i);
      String runId = "manual__" + i;
      runs.create(NewDagRun.manualAt("marked", runId, at, "test"));
      ids.add(runId);
    }
    return ids;
  }

  private void awaitRunsFinished(List<String> runIds, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (runIds.stream()
          .map(id -> run(id).state())
          .allMatch(s -> s == DagRunState.SUCCESS || s == DagRunState.FAILED)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "runs not finished: "
            + runIds.stream().map(id -> id + "=" + run(id).state()).toList()
            + "\n"
            + schedulerLogs());
  }

  /** Every scheduler's log, named: whichever scheduler stalled, its output is in the failure. */
  private String schedulerLogs() throws IOException {
    StringBuilder logs = new StringBuilder();
    try (var files = Files.list(home)) {
      for (Path log :
          files
              .filter(f -> f.toString().endsWith(".log") && !f.endsWith("marks.log"))
              .sorted()
              .toList()) {
        logs.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    }
    return logs.toString();
  }

  private DagRunRecord run(String runId) {
    return new DagRunRepository(pg.db()).find("marked", runId).orElseThrow();
  }

  private List<String> lines(String kind) throws IOException {
    Path marks = home.resolve("marks.log");
    if (!Files.exists(marks)) {
      return List.of();
    }
    return Files.readAllLines(marks).stream().filter(l -> l.startsWith(kind + " ")).toList();
  }

  /** The tries that started and have not ended. */
  private Set<String> inFlight() throws IOException {
    Set<String> started = tries(lines("start"));
    started.removeAll(tries(lines("end")));
    return started;
  }

  /** "run task try" of each line: the tries they name. */
  private static Set<String> tries(List<String> lines) {
    Set<String> tries = new HashSet<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      tries.add(f[1] + " " + f[2] + " " + f[3]);
    }
    return tries;
  }
}
