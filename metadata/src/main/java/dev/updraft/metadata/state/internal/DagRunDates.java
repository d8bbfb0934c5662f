package dev.updraft.metadata.state.internal;

import dev.updraft.sdk.DagRunState;
import java.time.Instant;

/**
 * The dates a DAG run's state change sets, as Airflow's {@code DagRun.set_state} does: entering
 * {@code queued} stamps {@code queued_at} and clears the run's dates; entering {@code running}
 * starts it (afresh when it had finished); finishing stamps {@code end_date}, anything else clears
 * it.
 *
 * @param queuedAt the new {@code queued_at}
 * @param startDate the new {@code start_date}
 * @param endDate the new {@code end_date}
 */
public record DagRunDates(Instant queuedAt, Instant startDate, Instant endDate) {

  /** The dates after moving a run from {@code from} (with {@code current} dates) to {@code to}. */
  public static DagRunDates after(
      DagRunState from, DagRunDates current, DagRunState to, Instant at) {
    Instant queuedAt = current.queuedAt;
    Instant startDate = current.startDate;
    if (to == DagRunState.QUEUED) {
      queuedAt = at;
      if (from != to) {
        startDate = null;
      }
    } else if (to == DagRunState.RUNNING && from != to) {
      startDate = isFinished(from) || startDate == null ? at : startDate;
    }
    return new DagRunDates(queuedAt, startDate, isFinished(to) ? at : null);
  }

  /** The dates a run created in {@code state} starts with. */
  public static DagRunDates initial(DagRunState state, Instant at) {
    return after(null, new DagRunDates(null, null, null), state, at);
  }

  private static boolean isFinished(DagRunState state) {
    return state == DagRunState.SUCCESS || state == DagRunState.FAILED;
  }
}
