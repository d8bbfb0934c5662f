package dev.updraft.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.scheduler.logs.TryLogPaths;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.scheduler.loop.QueuedTry;
import dev.updraft.scheduler.loop.TaskExecutor;
import dev.updraft.scheduler.loop.TryExit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs each try in a child JVM, from a pool of warm task runners (see {@code
 * dev.updraft.runner.RunnerMain}). A runner is started ahead, loads the SDK and waits for one
 * assignment at a time on its stdin: the try's ids, its token, the execution API's URL, the DAG's
 * source and the try's log file, and nothing else (no database credentials, and an environment
 * stripped to {@link RunnerProcess#INHERITED_ENV}). It reports the try through the execution API
 * and then tells this executor on its stdout, and serves the next try. A runner whose try overran
 * its execution timeout (plus {@link LocalExecutorSettings#timeoutGrace()}), was cancelled, timed
 * out inside the runner, or died, is stopped with its process tree and replaced.
 */
public final class LocalExecutor implements TaskExecutor, AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_START_FAILURES = 3;

  private record Running(QueuedTry queuedTry, Path logFile, ScheduledFuture<?> deadline) {}

  private final LocalExecutorSettings settings;
  private final Function<QueuedTry, String> tokens;
  private final String apiUrl;
  private final DagSourceResolver sources;
  private final LoopDags dags;
  private final TryLogPaths logs;
  private final Path runnerLogs;
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("updraft-local-executor-timer"));
  // One thread delivers TryExits in order, never under this executor's lock.
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(daemon("updraft-local-executor-events"));
  private final RunnerProcess.Listener listener = new Listener();

  private final Deque<QueuedTry> pending = new ArrayDeque<>();
  private final Deque<RunnerProcess> idle = new ArrayDeque<>();
  private final Map<RunnerProcess, Running> busy = new HashMap<>();
  private final List<RunnerProcess> live = new ArrayList<>();
  // The DAG sources each runner has loaded or been asked to preload.
  private final Map<RunnerProcess, java.util.Set<Path>> loaded = new HashMap<>();
  private int startFailures;
  private int runnerCount;
  private boolean closed;
  private volatile Consumer<TryExit> tryExit = exit -> {};

  /**
   * Starts the pool's runners.
   *
   * @param tokens issues the token a try's runner calls the execution API with
   * @param apiUrl the execution API, e.g. {@code http://127.0.0.1:8080/execution}
   * @param sources where each DAG's jar or class folder is
   * @param dags the DAGs, for their tasks' execution timeouts
   * @param logsRoot the folder under which try logs go, in Airflow's layout
   */
  public LocalExecutor(
      LocalExecutorSettings settings,
      Function<QueuedTry, String> tokens,
      String apiUrl,
      DagSourceResolver sources,
      LoopDags dags,
      Path logsRoot) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.dags = Objects.requireNonNull(dags, "dags");
    this.logs = new TryLogPaths(logsRoot);
    this.runnerLogs = logsRoot.resolve("runners");
    synchronized (this) {
      for (int i = 0; i < settings.poolSize(); i++) {
        startRunner();
      }
    }
  }

  @Override
  public String name() {
    return "LocalExecutor";
  }

  @Override
  public void submit(QueuedTry queuedTry) {
    synchronized (this) {
      if (!closed) {
        pending.add(queuedTry);
        dispatch();
        return;
      }
    }
    report(TryExit.failed(queuedTry, "the local executor is closed"));
  }

  @Override
  public void onTryExit(Consumer<TryExit> listener) {
    this.tryExit = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Stops the try of {@code taskInstanceId} if a runner runs it: its runner's process tree is
   * stopped and replaced, and the try reported failed.
   *
   * @return whether a runner was running it
   */
  public boolean cancel(UUID taskInstanceId) {
    synchronized (this) {
      for (Map.Entry<RunnerProcess, Running> entry : busy.entrySet()) {
        if (entry.getValue().queuedTry().taskInstanceId().equals(taskInstanceId)) {
          RunnerProcess runner = entry.getKey();
          end(runner, TryExit.failed(entry.getValue().queuedTry(), "cancelled"), true);
          return true;
        }
      }
      pending.removeIf(q -> q.taskInstanceId().equals(taskInstanceId));
      return false;
    }
  }

  /** The runner JVMs alive now, for monitoring (and tests). */
  public synchronized List<ProcessHandle> runners() {
    return live.stream().map(RunnerProcess::handle).toList();
  }

  /** The command lines the runners were started with. */
  public synchronized List<List<String>> runnerCommands() {
    return live.stream().map(RunnerProcess::command).toList();
  }

  /** How many runners are warm and waiting for a try. */
  public synchronized int idleRunners() {
    return idle.size();
  }

  private void dispatch() {
    while (!pending.isEmpty() && !idle.isEmpty()) {
      QueuedTry q = pending.poll();
      assign(pick(sources.sourceOf(q.dagId()).orElse(null)), q);
    }
  }

  /**
   * An idle runner for a try from {@code source}: the most recently used one that has it loaded,
   * else the most recently used one (idle runners are kept newest first, so a chain of tries stays
   * on one warm runner).
   */
  private RunnerProcess pick(Path source) {
    for (RunnerProcess runner : idle) {
      if (loaded.getOrDefault(runner, java.util.Set.of()).contains(source)) {
        idle.remove(runner);
        return runner;
      }
    }
    return idle.poll();
  }

  /** Asks idle runners that lack {@code source} to load it while they wait. */
  private void preloadElsewhere(Path source) {
    String line = MAPPER.createObjectNode().put("preload", source.toString()).toString();
    for (RunnerProcess runner : idle) {
      if (loaded.computeIfAbsent(runner, r -> new java.util.HashSet<>()).add(source)) {
        try {
          runner.assign(line);
        } catch (IOException e) {
          // It is dying; exited() replaces it.
        }
      }
    }
  }

  private void assign(RunnerProcess runner, QueuedTry q) {
    Path dagSource;
    Path logFile;
    String line;
    try {
      Optional<Path> source = sources.sourceOf(q.dagId());
      if (source.isEmpty()) {
        idle.addFirst(runner);
        report(TryExit.failed(q, "no DAG source is known for DAG '" + q.dagId() + "'"));
        return;
      }
      dagSource = source.get().toAbsolutePath();
      logFile = logs.logFile(q.dagId(), q.runId(), q.taskId(), -1, q.tryNumber());
      line = assignment(q, dagSource, logFile);
    } catch (RuntimeException e) {
      // A bad id for a log path, a token that cannot be issued: this try fails, not the loop.
      idle.addFirst(runner);
      report(TryExit.failed(q, "could not prepare the try: " + e.getMessage()));
      return;
    }
    loaded.computeIfAbsent(runner, r -> new java.util.HashSet<>()).add(dagSource);
    ScheduledFuture<?> deadline =
        executionTimeout(q)
            .map(
                limit ->
                    timers.schedule(
                        () -> timedOut(runner, q, limit),
                        limit.plus(settings.timeoutGrace()).toMillis(),
                        TimeUnit.MILLISECONDS))
            .orElse(null);
    busy.put(runner, new Running(q, logFile, deadline));
    try {
      runner.assign(line);
    } catch (IOException e) {
      end(runner, TryExit.failed(q, "could not hand the try to runner pid " + runner.pid()), true);
      return;
    }
    preloadElsewhere(dagSource);
  }

  /** The one JSON line a runner gets for {@code q}: all it is told. */
  private String assignment(QueuedTry q, Path dagSource, Path logFile) {
    ObjectNode job = MAPPER.createObjectNode();
    job.put("task_instance_id", q.taskInstanceId().toString());
    job.put("dag_id", q.dagId());
    job.put("run_id", q.runId());
    job.put("task_id", q.taskId());
    job.put("try_number", q.tryNumber());
    job.put("token", tokens.apply(q));
    job.put("api_url", apiUrl);
    job.put("dag_source", dagSource.toString());
    job.put("log_file", logFile.toString());
    job.put("heartbeat_millis", settings.heartbeatInterval().toMillis());
    return job.toString();
  }

  private Optional<Duration> executionTimeout(QueuedTry q) {
    return dags.find(q.dagId())
        .filter(dag -> dag.hasTask(q.taskId()))
        .map(dag -> dag.options(q.taskId()).executionTimeout());
  }

  private synchronized void timedOut(RunnerProcess runner, QueuedTry q, Duration limit) {
    Running running = busy.get(runner);
    if (running == null || !running.queuedTry().equals(q)) {
      return; // it ended meanwhile
    }
    note(
        running.logFile(),
        "[updraft] execution_timeout "
            + limit.toMillis()
            + " ms passed (plus "
            + settings.timeoutGrace().toMillis()
            + " ms grace); stopping runner pid "
            + runner.pid());
    end(runner, TryExit.failed(q, "ran past its execution_timeout " + limit), true);
  }

  /** Ends the runner's try with {@code exit}; stops the runner, or makes it idle again. */
  private void end(RunnerProcess runner, TryExit exit, boolean stopRunner) {
    Running running = busy.remove(runner);
    if (running != null && running.deadline() != null) {
      running.deadline().cancel(false);
    }
    report(exit);
    if (stopRunner) {
      runner.stop(timers, settings.stopGrace()); // replaced once it has exited
    } else if (!closed) {
      idle.addFirst(runner);
      dispatch();
    }
  }

  private void startRunner() {
    if (closed) {
      return;
    }
    Path log = runnerLogs.resolve("runner-" + ++runnerCount + ".log");
    try {
      live.add(RunnerProcess.start(settings, apiUrl, log, listener));
    } catch (IOException e) {
      startFailed("could not start a task runner: " + e.getMessage());
    }
  }

  /** Runners that cannot start fail the waiting tries rather than leave them queued forever. */
  private void startFailed(String reason) {
    if (++startFailures >= MAX_START_FAILURES) {
      while (!pending.isEmpty()) {
        report(TryExit.failed(pending.poll(), reason));
      }
    }
    timers.schedule(
        () -> {
          synchronized (this) {
            startRunner();
          }
        },
        Math.min(100L << Math.min(startFailures, 5), 5000),
        TimeUnit.MILLISECONDS);
  }

  private void report(TryExit exit) {
    events.execute(() -> tryExit.accept(exit));
  }

  private static void note(Path logFile, String line) {
    try {
      SupervisorLog.append(logFile, line);
    } catch (IOException e) {
      // The try's outcome matters more than this line.
    }
  }

  /** Stops every runner and its tries. */
  @Override
  public void close() {
    List<RunnerProcess> runners;
    synchronized (this) {
      closed = true;
      runners = List.copyOf(live);
      for (Map.Entry<RunnerProcess, Running> entry : busy.entrySet()) {
        report(TryExit.failed(entry.getValue().queuedTry(), "the local executor closed"));
      }
      busy.clear();
      idle.clear();
    }
    runners.forEach(RunnerProcess::closeInput);
    runners.forEach(runner -> runner.stop(timers, settings.stopGrace()));
    long deadline = System.nanoTime() + settings.stopGrace().plusSeconds(1).toNanos();
    for (RunnerProcess runner : runners) {
      long left = Math.max(0, deadline - System.nanoTime());
      runner.handle().onExit().completeOnTimeout(null, left, TimeUnit.NANOSECONDS).join();
    }
    timers.shutdownNow();
    events.shutdown();
  }

  private final class Listener implements RunnerProcess.Listener {
    @Override
    public void ready(RunnerProcess runner) {
      synchronized (LocalExecutor.this) {
        startFailures = 0;
        if (!closed && !busy.containsKey(runner)) {
          idle.add(runner);
          dispatch();
        }
      }
    }

    @Override
    public void done(RunnerProcess runner, JsonNode event) {
      synchronized (LocalExecutor.this) {
        Running running = busy.get(runner);
        if (running == null
            || !running
                .queuedTry()
                .taskInstanceId()
                .toString()
                .equals(event.path("task_instance_id").asText())) {
          return; // already ended here (timed out, cancelled)
        }
        QueuedTry q = running.queuedTry();
        TryExit exit =
            event.path("reported").asBoolean(false)
                ? TryExit.reported(q)
                : TryExit.failed(
                    q, "the runner could not report: " + event.path("message").asText());
        end(runner, exit, event.path("recycle").asBoolean(false));
      }
    }

    @Override
    public void exited(RunnerProcess runner, int exitCode) {
      synchronized (LocalExecutor.this) {
        live.remove(runner);
        idle.remove(runner);
        loaded.remove(runner);
        Running running = busy.remove(runner);
        if (running != null) {
          if (running.deadline() != null) {
            running.deadline().cancel(false);
          }
          note(
              running.logFile(),
              "[updraft] runner pid " + runner.pid() + " exited with code " + exitCode);
          report(
              TryExit.failed(
                  running.queuedTry(),
                  "its runner pid " + runner.pid() + " exited with code " + exitCode));
        }
        if (closed) {
          return;
        }
        if (!runner.isReady()) {
          startFailed("task runners exit before they are ready (exit code " + exitCode + ")");
        } else {
          startRunner();
        }
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
