package dev.updraft.scheduler.loop;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.JobRepository;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The scheduler's loop, one pass at a time: start queued runs, advance each running run (decide its
 * task instances, then its state), and queue scheduled task instances onto the executor. Each step
 * takes one or a few transactions; runs are locked with {@code SKIP LOCKED}, so several schedulers
 * may share a database.
 */
public final class SchedulingLoop {
  /** How many running runs one pass advances. */
  static final int RUN_BATCH = 500;

  private final DagRunRepository runs;
  private final RunStarter starter;
  private final RunAdvancer advancer;
  private final TaskQueuer queuer;
  private final LoopSettings settings;
  private final Clock clock;
  private final LoopWakeup wakeup = new LoopWakeup();
  private final LoopDags dags;
  private final ExitEvents exits;
  private final Housekeeping housekeeping;

  public SchedulingLoop(
      MetadataDatabase db,
      LoopDags dags,
      TaskExecutor executor,
      LoopSettings settings,
      Clock clock) {
    this.dags = dags;
    this.runs = new DagRunRepository(db, clock);
    TaskInstanceRepository instances = new TaskInstanceRepository(db, clock);
    TryFailures failures = new TryFailures(instances, new EventLogRepository(db, clock));
    this.exits = new ExitEvents(instances, failures);
    this.housekeeping =
        new Housekeeping(instances, new JobRepository(db, clock), failures, settings);
    TaskInstanceFactory factory = new TaskInstanceFactory(instances, executor.name());
    this.starter = new RunStarter(db, dags, runs, instances, factory);
    this.advancer = new RunAdvancer(db, dags, runs, instances, factory);
    this.queuer =
        new TaskQueuer(db, dags, runs, instances, executor, settings, housekeeping::jobId);
    this.settings = settings;
    this.clock = clock;
    executor.onTryExit(
        exit -> {
          exits.accept(exit);
          // The loop is woken unless the follow-up already queued what the try made ready.
          if (exit.failed() || !followUp(exit.queuedTry())) {
            wakeup.signal();
          }
        });
  }

  /**
   * Registers this loop as a scheduler job (Airflow's {@code SchedulerJob}) on {@code hostname}: it
   * heartbeats, stamps the tries it queues, and resets tries that dead schedulers left queued.
   *
   * @return the job's id
   */
  public long startJob(String hostname) {
    return housekeeping.startJob(hostname, clock.instant()).id();
  }

  /** Ends this loop's scheduler job, if it has one (a clean stop). */
  public void endJob() {
    housekeeping.endJob();
  }

  /**
   * Airflow's {@code schedule_after_task_execution}: on the thread that saw a try end, decide its
   * run at once and queue what became ready, instead of waiting for the loop's next pass. The run
   * lock and the compare-and-set writes make this safe beside the loop; a failure here is left to
   * the loop's next pass.
   */
  private boolean followUp(QueuedTry done) {
    boolean hasDownstream =
        dags.find(done.dagId())
            .map(dag -> dag.hasTask(done.taskId()) && !dag.downstream(done.taskId()).isEmpty())
            .orElse(false);
    if (!hasDownstream) {
      return false; // a leaf: what is left (the run's state) is the loop's, in its batches
    }
    try {
      Instant now = clock.instant();
      return advancer.advance(new RunLocks.RunKey(done.dagId(), done.runId()), now) > 0
          && queuer.queue(now) > 0;
    } catch (RuntimeException e) {
      return false; // the loop's next pass does the same work
    }
  }

  /** Signals the loop to run its next pass now (executors and run requests use it). */
  public LoopWakeup wakeup() {
    return wakeup;
  }

  /** One pass at {@code now}; how many changes it made. */
  public int runOnce(Instant now) {
    int changes = exits.process(now) + housekeeping.run(now) + starter.start(now);
    for (DagRunRecord run : runs.listByState(DagRunState.RUNNING, RUN_BATCH)) {
      changes += advancer.advance(new RunLocks.RunKey(run.dagId(), run.runId()), now);
    }
    return changes + queuer.queue(now);
  }

  /**
   * Runs passes until no run is queued or running, or {@code timeout} has passed. After a pass that
   * changed nothing it waits for the poll interval, or less when a try ends meanwhile.
   *
   * @return whether it became idle (false: timed out)
   */
  public boolean runUntilIdle(Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      int changes = runOnce(clock.instant());
      if (!hasActiveRuns()) {
        return true;
      }
      if (!clock.instant().isBefore(deadline)) {
        return false;
      }
      if (changes == 0) {
        try {
          wakeup.await(settings.pollInterval());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }

  /**
   * Runs passes until {@code stop} says so: after a pass that changed nothing it waits for the poll
   * interval, or less when a try ends or {@link #wakeup()} is signalled. A pass that fails (the
   * database is away) is retried after the poll interval; the loop never dies of it.
   *
   * @param onError told of each failed pass
   */
  public void runUntil(
      java.util.function.BooleanSupplier stop,
      java.util.function.Consumer<RuntimeException> onError) {
    while (!stop.getAsBoolean()) {
      int changes;
      try {
        changes = runOnce(clock.instant());
      } catch (RuntimeException e) {
        onError.accept(e);
        changes = 0;
      }
      if (changes == 0) {
        try {
          wakeup.await(settings.pollInterval());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private boolean hasActiveRuns() {
    return !runs.listByState(DagRunState.RUNNING, 1).isEmpty()
        || !runs.listByState(DagRunState.QUEUED, 1).isEmpty();
  }
}
