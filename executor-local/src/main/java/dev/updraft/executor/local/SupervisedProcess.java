package dev.updraft.executor.local;

import dev.updraft.executor.local.ProcessOutcome.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A process started by {@link ProcessSupervisor}: its pid, a future for how it ended, and a way to
 * stop its whole process tree.
 */
public final class SupervisedProcess {

  /** How often a stopping tree is checked for having exited before the grace period ends. */
  private static final long POLL_MILLIS = 20;

  /** Why and how the process is being stopped; {@code killed} completes once that is over. */
  private record Stop(Reason reason, CompletableFuture<Boolean> killed) {}

  private static final Stop EXITED_ON_ITS_OWN =
      new Stop(Reason.EXITED, CompletableFuture.completedFuture(false));

  private final Process process;
  private final ProcessSpec spec;
  private final ScheduledExecutorService scheduler;
  private final long startNanos;
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final CompletableFuture<ProcessOutcome> outcome = new CompletableFuture<>();
  private volatile ScheduledFuture<?> timeoutTask;

  SupervisedProcess(
      Process process, ProcessSpec spec, ScheduledExecutorService scheduler, long startNanos) {
    this.process = process;
    this.spec = spec;
    this.scheduler = scheduler;
    this.startNanos = startNanos;
  }

  void arm() {
    spec.timeout()
        .ifPresent(
            limit ->
                timeoutTask =
                    scheduler.schedule(
                        () -> stop(Reason.TIMED_OUT), limit.toNanos(), TimeUnit.NANOSECONDS));
    process.onExit().thenRun(this::rootExited);
  }

  /** The pid of the started process. */
  public long pid() {
    return process.pid();
  }

  /** The process handle, e.g. to inspect its descendants. */
  public ProcessHandle toHandle() {
    return process.toHandle();
  }

  /**
   * Completes once the process has exited and, if it was stopped, its tree is gone (or was sent
   * SIGKILL).
   */
  public CompletableFuture<ProcessOutcome> onExit() {
    return outcome.copy();
  }

  /**
   * Stops the process tree: SIGTERM, then SIGKILL to whatever is left after the grace period. Does
   * nothing if the process already exited or is already being stopped.
   *
   * @return the same as {@link #onExit()}
   */
  public CompletableFuture<ProcessOutcome> cancel() {
    stop(Reason.CANCELLED);
    return onExit();
  }

  private void stop(Reason reason) {
    if (stop.get() != null) {
      return;
    }
    ProcessTree tree = ProcessTree.snapshot(process.toHandle());
    Stop s = new Stop(reason, new CompletableFuture<>());
    if (!stop.compareAndSet(null, s)) {
      return; // exited or stopped meanwhile
    }
    tree.terminate();
    long deadline = System.nanoTime() + spec.gracePeriod().toNanos();
    scheduler.execute(() -> awaitTree(tree, deadline, s.killed()));
  }

  /** Polls on the shared scheduler rather than blocking a thread per process. */
  private void awaitTree(ProcessTree tree, long deadline, CompletableFuture<Boolean> killed) {
    if (!tree.anyRunning()) {
      killed.complete(false);
    } else if (System.nanoTime() - deadline >= 0) {
      tree.killRemaining();
      killed.complete(true);
    } else {
      long delay = Math.min(POLL_MILLIS, (deadline - System.nanoTime()) / 1_000_000 + 1);
      scheduler.schedule(
          () -> awaitTree(tree, deadline, killed), Math.max(delay, 1), TimeUnit.MILLISECONDS);
    }
  }

  private void rootExited() {
    ScheduledFuture<?> timeout = timeoutTask;
    if (timeout != null) {
      timeout.cancel(false);
    }
    // Claiming the stop slot here means a timeout racing the natural exit is ignored.
    Stop s = stop.updateAndGet(current -> current == null ? EXITED_ON_ITS_OWN : current);
    s.killed().thenAccept(killed -> finish(s.reason(), killed));
  }

  private void finish(Reason reason, boolean killed) {
    int code = process.exitValue();
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    try {
      SupervisorLog.append(spec.logFile(), lastLine(reason, killed, code));
    } catch (IOException e) {
      // The outcome matters more than the log line; it still completes.
    } finally {
      outcome.complete(new ProcessOutcome(code, reason, duration));
    }
  }

  private String lastLine(Reason reason, boolean killed, int code) {
    String stopped =
        "sent SIGTERM"
            + (killed ? "; sent SIGKILL after " + millis(spec.gracePeriod()) + " grace" : "")
            + "; exit code "
            + code;
    return switch (reason) {
      case EXITED -> "[updraft] exited with code " + code;
      case TIMED_OUT ->
          "[updraft] timed out after " + millis(spec.timeout().orElseThrow()) + "; " + stopped;
      case CANCELLED -> "[updraft] cancelled; " + stopped;
    };
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
