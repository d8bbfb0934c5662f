package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * One scheduled DAG's requests: on each wake-up, asks the timetable which runs are due and hands
 * each to the sink once, in order. A fire is only a wake-up, so Quartz's own reading of the cron
 * expression never decides a logical date.
 */
final class DueRuns {
  private final String dagId;
  private final Timetable timetable;
  private final boolean catchup;
  private final RunRequestSink sink;
  private Instant lastRequested;
  private boolean cancelled;

  DueRuns(
      String dagId,
      Timetable timetable,
      boolean catchup,
      Instant lastAutomatedLogicalDate,
      RunRequestSink sink) {
    this.dagId = dagId;
    this.timetable = timetable;
    this.catchup = catchup;
    this.lastRequested = lastAutomatedLogicalDate;
    this.sink = sink;
  }

  /** Requests every run due by {@code fireTime} that has not been requested yet. */
  synchronized void fire(Instant fireTime) {
    Optional<DagRunInfo> next = timetable.nextDagRun(lastRequested, fireTime, catchup);
    while (!cancelled
        && next.isPresent()
        && !next.get().runAfter().isAfter(fireTime)
        && (lastRequested == null || next.get().logicalDate().isAfter(lastRequested))) {
      DagRunInfo run = next.get();
      sink.requestRun(dagId, run);
      lastRequested = run.logicalDate();
      next = timetable.nextDagRun(lastRequested, fireTime, catchup);
    }
  }

  /** Stops all requests; once this returns, the sink hears nothing more from this DAG. */
  synchronized void cancel() {
    cancelled = true;
  }
}
