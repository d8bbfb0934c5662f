package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.record.MetadataSecrets;
import dev.updraft.metadata.record.MetadataXComStore;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.TaskTryRunner;
import dev.updraft.sdk.internal.run.TryOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued tries on a fixed pool of threads in this process with {@link TaskTryRunner}: moves
 * the task instance from queued to running, runs the try with XComs in the {@code xcom} table and
 * artifacts recorded as lineage, and writes the outcome (see {@link OutcomeWriter}).
 */
public final class InProcessExecutor implements TaskExecutor, QueuedRecords, AutoCloseable {
  /** How often running tries heartbeat unless told otherwise (Airflow's task heartbeat). */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

  private final LoopDags dags;
  private final RunInfos runInfos;
  private final TryLogSink logs;
  private final Set<java.util.UUID> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeats;
  private final TaskInstanceRepository instances;
  private final OutcomeWriter writer;
  private final TaskTryRunner tryRunner;
  private final Clock clock;
  private final ExecutorService threads;
  private final String hostname = hostname();
  private final int pid = (int) ProcessHandle.current().pid();
  private volatile java.util.function.Consumer<TryExit> tryExit = exit -> {};

  /**
   * @param threads how many tries run at once
   * @param artifactRoot where artifacts the tasks write are kept
   */
  public InProcessExecutor(
      MetadataDatabase db, LoopDags dags, Path artifactRoot, int threads, Clock clock) {
    this(db, dags, artifactRoot, threads, TryLogSink.discard(), DEFAULT_HEARTBEAT, clock);
  }

  /**
   * @param threads how many tries run at once
   * @param artifactRoot where artifacts the tasks write are kept
   * @param logs where each try's log lines go
   * @param heartbeat how often running tries record that they are alive
   */
  public InProcessExecutor(
      MetadataDatabase db,
      LoopDags dags,
      Path artifactRoot,
      int threads,
      TryLogSink logs,
      Duration heartbeat,
      Clock clock) {
    this(
        db,
        dags,
        artifactRoot,
        threads,
        logs,
        heartbeat,
        clock,
        SecretCipher.fromEnvironment(System.getenv()));
  }

  /** As the other constructor, tasks reading connection secrets decrypted with {@code cipher}. */
  public InProcessExecutor(
      MetadataDatabase db,
      LoopDags dags,
      Path artifactRoot,
      int threads,
      TryLogSink logs,
      Duration heartbeat,
      Clock clock,
      SecretCipher cipher) {
    this.dags = dags;
    this.runInfos = new RunInfos(new DagRunRepository(db, clock));
    this.logs = logs;
    this.instances = new TaskInstanceRepository(db, clock);
    this.writer = new OutcomeWriter(db, instances);
    this.tryRunner =
        new TaskTryRunner(
            new MetadataXComStore(db),
            new MetadataArtifactStore(new LineageStore(db), artifactRoot),
            new MetadataSecrets(db, cipher));
    this.clock = clock;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "updraft-executor-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "updraft-executor-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    heartbeats.scheduleWithFixedDelay(
        this::heartbeatQuietly, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void heartbeatQuietly() {
    try {
      heartbeat();
    } catch (RuntimeException e) {
      // The database is briefly away: the next beat tries again; zombie detection is lenient.
    }
  }

  @Override
  public void submit(QueuedTry queuedTry) {
    submit(queuedTry, null);
  }

  @Override
  public void submit(QueuedTry queuedTry, TaskInstanceRecord queued) {
    threads.execute(
        () -> {
          TryExit exit = TryExit.failed(queuedTry, "the in-process runner stopped unexpectedly");
          try {
            run(queuedTry, queued);
            exit = TryExit.reported(queuedTry);
          } finally {
            tryExit.accept(exit);
          }
        });
  }

  @Override
  public void onTryExit(java.util.function.Consumer<TryExit> listener) {
    this.tryExit = listener;
  }

  /**
   * @param known the row as the scheduler queued it, or {@code null} to read it
   */
  private void run(QueuedTry queued, TaskInstanceRecord known) {
    Optional<CompiledDag> dag = dags.find(queued.dagId());
    Optional<TaskInstanceRecord> found =
        known != null ? Optional.of(known) : instances.find(queued.taskInstanceId());
    if (found.isEmpty() || found.get().state() != TaskState.QUEUED) {
      return; // no longer queued: cleared or taken by someone else
    }
    Optional<RunInfo> run = runInfos.find(queued.dagId(), queued.runId(), dag);
    if (dag.isEmpty() || run.isEmpty() || !dag.get().hasTask(queued.taskId())) {
      // Nothing to run it with: fail the try rather than leave it queued forever.
      instances.transitionFrom(
          found.get(), TaskState.FAILED, TransitionDetails.at(clock.instant()));
      return;
    }
    Optional<TaskInstanceRecord> started =
        instances.transitionFrom(
            found.get(),
            TaskState.RUNNING,
            TransitionDetails.at(clock.instant()).withProcess(hostname, pid));
    if (started.isEmpty()) {
      return; // changed meanwhile: cleared or taken by someone else
    }
    TaskInstanceRecord ti = started.get();
    running.add(ti.id());
    TryOutcome outcome;
    try (PrintStream log = logs.open(queued)) {
      outcome = tryRunner.run(dag.get(), queued.taskId(), run.get(), ti.tryNumber(), log);
    } catch (RuntimeException e) {
      // E.g. a conf that does not fit the DAG's params: the try fails without retry.
      outcome = new TryOutcome(TaskState.FAILED, null, e, false, java.util.Map.of());
    } finally {
      running.remove(ti.id());
    }
    writer.write(dag.get(), ti, outcome, clock.instant());
  }

  /** Records that this process's running tries are alive; the heartbeat thread calls it. */
  void heartbeat() {
    Instant now = clock.instant();
    for (java.util.UUID id : running) {
      instances.heartbeat(id, now);
    }
  }

  /** Stops taking tries and waits briefly for those running. */
  @Override
  public void close() {
    heartbeats.shutdownNow();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
    tryRunner.close();
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
