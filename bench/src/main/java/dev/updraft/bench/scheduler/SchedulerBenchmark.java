package dev.updraft.bench.scheduler;

import dev.updraft.bench.BenchDatabase;
import dev.updraft.bench.Percentiles;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.scheduler.loop.InProcessExecutor;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.scheduler.loop.LoopSettings;
import dev.updraft.scheduler.loop.SchedulingLoop;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the scheduling loop with the in-process executor on one database (targets in brackets):
 *
 * <ol>
 *   <li>a run of 40 sequential Java tasks sleeping 10 ms each, from queuing the run to its success
 *       [median ≤ 0.6 s];
 *   <li>one run of 10,000 independent empty tasks [≤ 10 s];
 *   <li>task-to-task latency in a chain of 200 empty tasks, from an upstream task's end date to its
 *       downstream task's start date [p50 ≤ 5 ms, p99 ≤ 50 ms].
 * </ol>
 *
 * <p>The loop runs as the scheduler runs it: {@code runOnce} back to back, sleeping the poll
 * interval after a pass that changed nothing.
 *
 * <pre>
 * SchedulerBenchmark --db h2|postgresql [--url JDBC_URL] [--runs N] [--sequential-tasks N]
 *     [--wide-tasks N] [--chain-tasks N] [--threads N] [--parallelism N] [--poll-ms N]
 * </pre>
 */
public final class SchedulerBenchmark {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final long SLEEP_MILLIS = 10;

  private final MetadataDatabase db;
  private final SchedulerBenchmarkOptions options;
  private final StatementCounter statements;
  private final DagRunRepository runs;
  private final TaskInstanceRepository instances;
  private final LoopDriver driver;
  private int created;

  private SchedulerBenchmark(
      MetadataDatabase db,
      SchedulerBenchmarkOptions options,
      StatementCounter statements,
      SchedulingLoop loop) {
    this.db = db;
    this.options = options;
    this.statements = statements;
    this.runs = new DagRunRepository(db);
    this.instances = new TaskInstanceRepository(db);
    this.driver = new LoopDriver(loop, runs, options.pollInterval());
  }

  public static void main(String[] args) throws Exception {
    SchedulerBenchmarkOptions options;
    try {
      options = SchedulerBenchmarkOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try (BenchDatabase bench = BenchDatabase.open(options.database(), options.url(), "scheduler")) {
      MetadataDatabase db = bench.db();
      StatementCounter statements = new StatementCounter();
      db.jdbi().setSqlLogger(statements);
      Map<String, CompiledDag> dags =
          Map.of(
              BenchDags.SEQUENTIAL, BenchDags.sequential(options.sequentialTasks(), SLEEP_MILLIS),
              BenchDags.WIDE, BenchDags.wide(options.wideTasks(), options.wideTasks()),
              BenchDags.CHAIN, BenchDags.chain(options.chainTasks()));
      LoopDags loopDags = LoopDags.of(() -> dags);
      LoopSettings settings = new LoopSettings(options.parallelism(), options.pollInterval());
      try (InProcessExecutor executor =
          new InProcessExecutor(
              db, loopDags, bench.artifacts(), options.threads(), Clock.systemUTC())) {
        SchedulingLoop loop =
            new SchedulingLoop(db, loopDags, executor, settings, Clock.systemUTC());
        new SchedulerBenchmark(db, options, statements, loop).run();
      }
    }
  }

  private void run() throws InterruptedException {
    System.out.printf(
        Locale.ROOT,
        "Scheduler benchmark on %s (%s): in-process executor, %d threads, parallelism %d,"
            + " poll interval %d ms; %d processors, Java %s%n",
        db.dialect(),
        db.config().maskedUrl(),
        options.threads(),
        options.parallelism(),
        options.pollInterval().toMillis(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    sequential();
    wide();
    chain();
  }

  /** 1. Sequential tasks sleeping 10 ms, one warm-up run then the measured runs. */
  private void sequential() throws InterruptedException {
    int tasks = options.sequentialTasks();
    timeRun(BenchDags.SEQUENTIAL, tasks); // warm-up
    double[] seconds = new double[options.runs()];
    for (int i = 0; i < seconds.length; i++) {
      Timed timed = timeRun(BenchDags.SEQUENTIAL, tasks);
      seconds[i] = timed.seconds();
      System.out.printf(
          Locale.ROOT, "  sequential run %d: %.3f s, %s%n", i + 1, timed.seconds(), timed.detail());
    }
    Percentiles p = Percentiles.ofMillis(seconds);
    System.out.printf(
        Locale.ROOT,
        "%d sequential tasks sleeping %d ms: median %.3f s per run (min %.3f, max %.3f) over %d"
            + " runs [target <= 0.6 s, floor %.1f s]%n",
        tasks,
        SLEEP_MILLIS,
        p.p50(),
        p.percentile(1e-9),
        p.max(),
        p.count(),
        tasks * SLEEP_MILLIS / 1000.0);
  }

  /** 2. One run of many independent empty tasks. */
  private void wide() throws InterruptedException {
    statements.resetProfile();
    Timed timed = timeRun(BenchDags.WIDE, options.wideTasks());
    System.out.printf(
        Locale.ROOT,
        "%,d independent empty tasks: %.2f s for the run (%,.0f tasks/s) [target <= 10 s]%n  %s%n",
        options.wideTasks(),
        timed.seconds(),
        options.wideTasks() / timed.seconds(),
        timed.detail());
    System.out.println("  SQL statements that took longest in all (loop and executor threads):");
    for (StatementCounter.Top top : statements.top(5)) {
      System.out.printf(
          Locale.ROOT,
          "    %,9.0f ms %,7d x  %s%n",
          top.millis(),
          top.count(),
          abbreviate(top.sql()));
    }
  }

  /** 3. From each upstream end date to its downstream start date in a chain of empty tasks. */
  private void chain() throws InterruptedException {
    Timed timed = timeRun(BenchDags.CHAIN, options.chainTasks());
    List<TaskInstanceRecord> tis =
        instances.listForRun(BenchDags.CHAIN, timed.runId()).stream()
            .sorted(Comparator.comparing(TaskInstanceRecord::taskId))
            .toList();
    double[] gaps = new double[tis.size() - 1];
    double[] toQueued = new double[gaps.length];
    double[] toRunning = new double[gaps.length];
    for (int i = 1; i < tis.size(); i++) {
      TaskInstanceRecord up = tis.get(i - 1);
      TaskInstanceRecord down = tis.get(i);
      if (up.state() != TaskState.SUCCESS || down.startDate() == null || up.endDate() == null) {
        throw new IllegalStateException("chain task " + down.taskId() + " did not run");
      }
      gaps[i - 1] = millisBetween(up.endDate(), down.startDate());
      toQueued[i - 1] = millisBetween(up.endDate(), down.queuedDttm());
      toRunning[i - 1] = millisBetween(down.queuedDttm(), down.startDate());
    }
    Percentiles p = Percentiles.ofMillis(gaps);
    System.out.printf(
        Locale.ROOT,
        "task-to-task latency, chain of %d empty tasks: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
            + " over %d hand-offs [target p50 <= 5 ms, p99 <= 50 ms]%n"
            + "  of which upstream end -> downstream queued (loop): p50 %.1f ms, p99 %.1f ms;"
            + " queued -> running (executor): p50 %.1f ms, p99 %.1f ms%n  run %.2f s, %s%n",
        options.chainTasks(),
        p.p50(),
        p.p99(),
        p.max(),
        p.count(),
        Percentiles.ofMillis(toQueued).p50(),
        Percentiles.ofMillis(toQueued).p99(),
        Percentiles.ofMillis(toRunning).p50(),
        Percentiles.ofMillis(toRunning).p99(),
        timed.seconds(),
        timed.detail());
  }

  private static String abbreviate(String sql) {
    String flat = sql.replaceAll("\\s+", " ").trim();
    return flat.length() <= 110 ? flat : flat.substring(0, 107) + "...";
  }

  private static double millisBetween(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  /** A run driven to its end. */
  private record Timed(String runId, double seconds, String detail) {}

  private Timed timeRun(String dagId, int tasks) throws InterruptedException {
    String runId = "bench_" + created;
    Instant logicalDate = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(created++);
    long statementsBefore = statements.count();
    long start = System.nanoTime();
    runs.create(NewDagRun.manualAt(dagId, runId, logicalDate, "bench"));
    LoopDriver.Drive drive = driver.untilFinished(dagId, runId, TIMEOUT);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (drive.state() != DagRunState.SUCCESS) {
      throw new IllegalStateException(dagId + "/" + runId + " ended " + drive.state());
    }
    long used = statements.count() - statementsBefore;
    String detail =
        String.format(
            Locale.ROOT,
            "%d loop passes (%d idle), %.2f ms per pass, %.0f%% of wall in passes;"
                + " %,d SQL statements = %.1f per task",
            drive.passes(),
            drive.idlePasses(),
            drive.meanPassMillis(),
            drive.passNanos() / 1e9 / seconds * 100,
            used,
            used / (double) tasks);
    return new Timed(runId, seconds, detail);
  }
}
