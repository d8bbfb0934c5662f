package dev.updraft.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.runner.internal.DagSourceCache;
import dev.updraft.runner.internal.KeepAliveHttp;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.dag.ComponentOperator;
import dev.updraft.sdk.internal.run.FollowUps;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.RunParams;
import dev.updraft.sdk.internal.run.TaskTryRunner;
import dev.updraft.sdk.internal.run.TryOutcome;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one assignment as Airflow 3's task runner does: marks the try running ({@code /run}),
 * heartbeats while it runs, runs it with {@link TaskTryRunner} over HTTP stores, then sends the
 * rendered fields, the tasks a branch or short-circuit skips, and the final state.
 */
final class TryRun {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final HttpClient http;
  // One kept-alive connection to the execution API for the runner's life.
  private final KeepAliveHttp plainHttp = new KeepAliveHttp(java.time.Duration.ofSeconds(30));
  private final DagSourceCache dags;
  private final String hostname;
  private final long pid = ProcessHandle.current().pid();
  // One thread for the runner's life: a try only schedules its beats on it.
  private final ScheduledExecutorService beats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "updraft-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  TryRun(HttpClient http, DagSourceCache dags, String hostname) {
    this.http = http;
    this.dags = dags;
    this.hostname = hostname;
  }

  /** Loads {@code source}'s DAGs into the cache; failures are left for the try to report. */
  void preload(java.nio.file.Path source) {
    try {
      dags.preload(source);
    } catch (java.io.IOException | RuntimeException | LinkageError e) {
      System.err.println("[updraft] could not preload " + source + ": " + e);
    }
  }

  /** One unauthenticated request to the API, so the HTTP client's code is loaded and warm. */
  void ping(String apiUrl) {
    try {
      new ExecutionClient(http, plainHttp, apiUrl, "-", new java.util.UUID(0, 0))
          .send("GET", "/variables/updraft-warm-up", null);
    } catch (ExecutionClient.ApiError e) {
      // 401 is the expected answer; any answer (or none) will do.
    }
  }

  /**
   * Runs {@code job}, writing to {@code log}.
   *
   * @param abandoned told once, from the heartbeat thread, when the API says the try is no longer
   *     this runner's (409): the try must stop, so the runner is to be recycled at once
   */
  TryResult run(Assignment job, PrintStream log, Consumer<TryResult> abandoned) {
    ExecutionClient client =
        new ExecutionClient(http, plainHttp, job.apiUrl(), job.token(), job.taskInstanceId());
    JsonNode context;
    long start = System.nanoTime();
    try {
      context =
          client.run(hostname, System.getProperty("user.name"), pid, Instant.now().toString());
      log.println("[updraft] marked running in " + millisSince(start) + " ms");
    } catch (ExecutionClient.ApiError e) {
      log.println("[updraft] could not start the try: " + e.getMessage());
      // 409: it is not queued any more (cleared, or run elsewhere): nothing of ours to report.
      return new TryResult(e.status() == 409, false, e.getMessage());
    }
    AtomicBoolean gone = new AtomicBoolean();
    ScheduledFuture<?> heartbeat = heartbeats(job, client, log, gone, abandoned);
    try {
      TryResult result = runStarted(job, client, context, log);
      return gone.get() ? new TryResult(true, true, "abandoned") : result;
    } finally {
      heartbeat.cancel(false);
    }
  }

  private TryResult runStarted(
      Assignment job, ExecutionClient client, JsonNode context, PrintStream log) {
    TryOutcome outcome;
    CompiledDag dag = null;
    boolean shouldRetry = context.path("should_retry").asBoolean(false);
    try {
      dag = dags.dag(job.dagSource(), job.dagId());
      RunInfo run = runInfo(dag, context.get("dag_run"), client);
      try (TaskTryRunner runner =
          new TaskTryRunner(
              new HttpXComStore(client), artifactStore(client, dag), new HttpSecrets(client))) {
        long start = System.nanoTime();
        outcome = runner.run(dag, job.taskId(), run, job.tryNumber(), log);
        log.println("[updraft] ran in " + millisSince(start) + " ms");
      }
    } catch (Exception | LinkageError e) {
      // The DAG could not be loaded or its conf does not fit: fails without retry, as in-process.
      log.println("[updraft] the try could not run: " + e);
      outcome = new TryOutcome(TaskState.FAILED, null, e, false, Map.of());
    }
    boolean recycle = outcome.error() instanceof TaskTryRunner.TaskTimeoutException;
    try {
      long start = System.nanoTime();
      report(client, dag, job.taskId(), outcome, shouldRetry, log);
      log.println("[updraft] reported in " + millisSince(start) + " ms");
      return new TryResult(true, recycle, outcome.state().value());
    } catch (ExecutionClient.ApiError e) {
      log.println("[updraft] could not report the outcome: " + e.getMessage());
      // 409: someone else (a user, the scheduler) changed the try meanwhile.
      return new TryResult(e.status() == 409, recycle, e.getMessage());
    }
  }

  private void report(
      ExecutionClient client,
      CompiledDag dag,
      String taskId,
      TryOutcome raw,
      boolean shouldRetry,
      PrintStream log) {
    TryOutcome outcome = dag == null ? raw : FollowUps.checkBranch(dag, taskId, raw);
    if (!outcome.renderedFields().isEmpty()) {
      client.renderedFields(outcome.renderedFields());
    }
    String state = outcome.state().value();
    if (outcome.state() == TaskState.SUCCESS && dag != null) {
      Collection<String> skip = FollowUps.tasksToSkip(dag, taskId, outcome.result());
      if (!skip.isEmpty()) {
        // Before the state, so the scheduler never sees the branch done and its losers free.
        client.skipDownstream(skip);
      }
    } else if (outcome.state() == TaskState.FAILED && outcome.retryable() && shouldRetry) {
      state = TaskState.UP_FOR_RETRY.value();
    }
    client.finish(state, Instant.now().toString());
    log.println("[updraft] reported " + state);
  }

  private ScheduledFuture<?> heartbeats(
      Assignment job,
      ExecutionClient client,
      PrintStream log,
      AtomicBoolean gone,
      Consumer<TryResult> abandoned) {
    AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
    ScheduledFuture<?> beat =
        beats.scheduleWithFixedDelay(
            () -> {
              try {
                client.heartbeat(hostname, pid);
              } catch (ExecutionClient.ApiError e) {
                if (e.status() == 409 && gone.compareAndSet(false, true)) {
                  log.println("[updraft] heartbeat refused, stopping the task: " + e.getMessage());
                  abandoned.accept(
                      new TryResult(true, true, "heartbeat refused: " + e.getMessage()));
                  self.get().cancel(false);
                } else {
                  log.println("[updraft] heartbeat failed: " + e.getMessage());
                }
              }
            },
            job.heartbeatMillis(),
            job.heartbeatMillis(),
            TimeUnit.MILLISECONDS);
    self.set(beat);
    return beat;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static HttpArtifactStore artifactStore(ExecutionClient client, CompiledDag dag) {
    ArtifactClasses classes = ArtifactClasses.standard();
    if (dag != null) {
      for (String taskId : dag.topologicalOrder()) {
        if (dag.task(taskId).operator() instanceof ComponentOperator component) {
          component.component().spec().inputs().values().forEach(i -> classes.register(i.type()));
          component.component().spec().outputs().values().forEach(o -> classes.register(o.type()));
        }
      }
    }
    return new HttpArtifactStore(client, classes);
  }

  private static RunInfo runInfo(CompiledDag dag, JsonNode run, ExecutionClient client) {
    Map<String, Object> conf = new LinkedHashMap<>();
    if (run.hasNonNull("conf") && run.get("conf").isObject()) {
      conf.putAll(client.mapper().convertValue(run.get("conf"), MAP));
    }
    return new RunInfo(
        run.get("run_id").asText(),
        run.path("run_type").asText("manual"),
        instant(run, "logical_date"),
        instant(run, "data_interval_start"),
        instant(run, "data_interval_end"),
        conf,
        RunParams.resolve(dag.dag(), conf));
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull()
        ? null
        : java.time.OffsetDateTime.parse(value.asText()).toInstant();
  }
}
