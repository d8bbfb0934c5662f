package dev.updraft.bench.scheduler;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.scheduler.loop.SchedulingLoop;
import dev.updraft.sdk.DagRunState;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives a {@link SchedulingLoop} as the scheduler does ({@code runOnce} back to back, waiting the
 * poll interval after a pass that changed nothing) until one run finishes, counting passes and the
 * time spent in them.
 */
final class LoopDriver {
  private final SchedulingLoop loop;
  private final DagRunRepository runs;
  private final Duration pollInterval;
  private final Clock clock = Clock.systemUTC();

  LoopDriver(SchedulingLoop loop, DagRunRepository runs, Duration pollInterval) {
    this.loop = loop;
    this.runs = runs;
    this.pollInterval = pollInterval;
  }

  /** What driving one run to its end took. */
  record Drive(DagRunState state, int passes, int idlePasses, long passNanos, long checkNanos) {
    double meanPassMillis() {
      return passNanos / 1e6 / Math.max(1, passes);
    }
  }

  /** Passes until run {@code dagId/runId} has finished, or {@code timeout} passes. */
  Drive untilFinished(String dagId, String runId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int passes = 0;
    int idle = 0;
    long passNanos = 0;
    long checkNanos = 0;
    while (true) {
      long start = System.nanoTime();
      int changes = loop.runOnce(clock.instant());
      long afterPass = System.nanoTime();
      passNanos += afterPass - start;
      passes++;
      Optional<DagRunState> state = runs.find(dagId, runId).map(DagRunRecord::state);
      checkNanos += System.nanoTime() - afterPass;
      if (state.isPresent() && finished(state.get())) {
        return new Drive(state.get(), passes, idle, passNanos, checkNanos);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            dagId + "/" + runId + " not finished after " + timeout + ": " + state);
      }
      if (changes == 0) {
        idle++;
        loop.wakeup().await(pollInterval); // as the scheduler waits: the poll, or a try's end
      }
    }
  }

  private static boolean finished(DagRunState state) {
    return state == DagRunState.SUCCESS || state == DagRunState.FAILED;
  }
}
