package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.record.MetadataXComStore;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.TaskTryRunner;
import dev.updraft.sdk.internal.run.TryOutcome;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued tries on a fixed pool of threads in this process with {@link TaskTryRunner}: moves
 * the task instance from queued to running, runs the try with XComs in the {@code xcom} table and
 * artifacts recorded as lineage, and writes the outcome (see {@link OutcomeWriter}).
 */
public final class InProcessExecutor implements TaskExecutor, AutoCloseable {
  private final LoopDags dags;
  private final DagRunRepository runs;
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
    this.dags = dags;
    this.runs = new DagRunRepository(db, clock);
    this.instances = new TaskInstanceRepository(db, clock);
    this.writer = new OutcomeWriter(db, instances);
    this.tryRunner =
        new TaskTryRunner(
            new MetadataXComStore(db),
            new MetadataArtifactStore(new LineageStore(db), artifactRoot));
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
  }

  @Override
  public void submit(QueuedTry queuedTry) {
    threads.execute(
        () -> {
          TryExit exit = TryExit.failed(queuedTry, "the in-process runner stopped unexpectedly");
          try {
            run(queuedTry);
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

  private void run(QueuedTry queued) {
    Optional<CompiledDag> dag = dags.find(queued.dagId());
    Optional<DagRunRecord> run = runs.find(queued.dagId(), queued.runId());
    if (dag.isEmpty() || run.isEmpty() || !dag.get().hasTask(queued.taskId())) {
      // Nothing to run it with: fail the try rather than leave it queued forever.
      instances.transition(
          queued.taskInstanceId(),
          Set.of(TaskState.QUEUED),
          TaskState.FAILED,
          TransitionDetails.at(clock.instant()));
      return;
    }
    boolean started =
        instances.transition(
            queued.taskInstanceId(),
            Set.of(TaskState.QUEUED),
            TaskState.RUNNING,
            TransitionDetails.at(clock.instant()).withProcess(hostname, pid));
    if (!started) {
      return; // no longer queued: cleared or taken by someone else
    }
    TaskInstanceRecord ti = instances.find(queued.taskInstanceId()).orElseThrow();
    TryOutcome outcome;
    // Task logs are not stored yet; TaskTryRunner needs a stream.
    try (PrintStream log =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
      outcome =
          tryRunner.run(
              dag.get(), queued.taskId(), RunInfos.of(run.get(), dag.get()), ti.tryNumber(), log);
    } catch (RuntimeException e) {
      // E.g. a conf that does not fit the DAG's params: the try fails without retry.
      outcome = new TryOutcome(TaskState.FAILED, null, e, false, java.util.Map.of());
    }
    writer.write(dag.get(), ti, outcome, clock.instant());
  }

  /** Stops taking tries and waits briefly for those running. */
  @Override
  public void close() {
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
