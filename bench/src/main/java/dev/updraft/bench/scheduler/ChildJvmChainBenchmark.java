package dev.updraft.bench.scheduler;

import dev.updraft.bench.BenchDatabase;
import dev.updraft.bench.Percentiles;
import dev.updraft.executor.local.LocalExecutor;
import dev.updraft.executor.local.LocalExecutorSettings;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.scheduler.loop.LoopSettings;
import dev.updraft.scheduler.loop.SchedulingLoop;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.web.execution.ExecutionApi;
import dev.updraft.web.execution.ExecutionApiDependencies;
import dev.updraft.web.execution.TaskTokens;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark 1 with child-JVM isolation: 40 sequential tasks sleeping 10 ms, each try in a warm
 * runner JVM of the {@link LocalExecutor} that talks to the execution API over HTTP, from the run
 * being queued to its success. Three warm-up runs, then the measured runs.
 *
 * <pre>
 * bench/run-child-jvm-benchmark.sh [--db h2|postgresql] [--url JDBC] [--runs N] [--runners N]
 * </pre>
 */
public final class ChildJvmChainBenchmark {
  private static final int TASKS = 40;
  private static final long SLEEP_MILLIS = 10;
  private static final int WARMUP_RUNS = 3;

  private ChildJvmChainBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = flags(args);
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    int runners = Integer.parseInt(options.getOrDefault("runners", "2"));
    try (BenchDatabase bench =
        BenchDatabase.open(
            options.getOrDefault("db", "h2"), options.get("url"), "child-jvm-bench")) {
      Path source = Files.createTempDirectory("updraft-bench-dag");
      Path services = source.resolve("META-INF/services/dev.updraft.sdk.DagFactory");
      Files.createDirectories(services.getParent());
      Files.writeString(services, SequentialBenchDag.class.getName() + "\n");
      CompiledDag dag = DagCompiler.compile(BenchDags.sequentialDag(TASKS, SLEEP_MILLIS));
      LoopDags dags = LoopDags.of(() -> Map.of(BenchDags.SEQUENTIAL, dag));

      byte[] secret = new byte[64];
      new SecureRandom().nextBytes(secret);
      TaskTokens tokens = new TaskTokens(secret);
      Javalin api = Javalin.create(config -> config.showJavalinBanner = false);
      ExecutionApi.register(
          api, ExecutionApiDependencies.of(bench.db(), tokens, bench.artifacts()));
      api.start("127.0.0.1", 0);

      List<String> jvmOptions = new ArrayList<>(LocalExecutorSettings.defaults().jvmOptions());
      jvmOptions.add("-D" + SequentialBenchDag.TASKS + "=" + TASKS);
      jvmOptions.add("-D" + SequentialBenchDag.SLEEP_MILLIS + "=" + SLEEP_MILLIS);
      try (LocalExecutor executor =
          new LocalExecutor(
              LocalExecutorSettings.defaults().withPoolSize(runners).withJvmOptions(jvmOptions),
              t -> tokens.issue(t.taskInstanceId(), Duration.ofHours(1)),
              "http://127.0.0.1:" + api.port() + ExecutionApi.PREFIX,
              dagId -> Optional.of(source),
              dags,
              Files.createTempDirectory("updraft-bench-logs"))) {
        LoopSettings settings = LoopSettings.defaults();
        SchedulingLoop loop =
            new SchedulingLoop(bench.db(), dags, executor, settings, Clock.systemUTC());
        DagRunRepository dagRuns = new DagRunRepository(bench.db());
        LoopDriver driver = new LoopDriver(loop, dagRuns, settings.pollInterval());
        System.out.printf(
            Locale.ROOT,
            "Child-JVM chain benchmark on %s: LocalExecutor with %d warm runners, execution API over"
                + " HTTP; %d processors, Java %s%n",
            bench.db().dialect(),
            runners,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version());
        // A standing scheduler's runners have served many tries: warm them (and their JIT) first.
        for (int i = 0; i < WARMUP_RUNS; i++) {
          timeRun(dagRuns, driver, "warmup_" + i);
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
          seconds[i] = timeRun(dagRuns, driver, "run_" + i);
          System.out.printf(Locale.ROOT, "  run %d: %.3f s%n", i + 1, seconds[i]);
        }
        Percentiles p = Percentiles.ofMillis(seconds);
        System.out.printf(
            Locale.ROOT,
            "%d sequential tasks sleeping %d ms, child JVMs: median %.3f s per run (min %.3f, max"
                + " %.3f) over %d runs [target <= 1.0 s]%n",
            TASKS,
            SLEEP_MILLIS,
            p.p50(),
            p.percentile(1e-9),
            p.max(),
            runs);
      } finally {
        api.stop();
      }
    }
  }

  private static double timeRun(DagRunRepository runs, LoopDriver driver, String runId)
      throws InterruptedException {
    Instant at = Instant.now();
    long start = System.nanoTime();
    runs.create(NewDagRun.manualAt(BenchDags.SEQUENTIAL, runId, at, "bench"));
    LoopDriver.Drive drive =
        driver.untilFinished(BenchDags.SEQUENTIAL, runId, Duration.ofMinutes(2));
    if (drive.state() != DagRunState.SUCCESS) {
      throw new IllegalStateException(runId + " ended " + drive.state());
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return flags;
  }
}
