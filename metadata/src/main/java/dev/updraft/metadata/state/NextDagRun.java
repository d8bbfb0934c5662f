package dev.updraft.metadata.state;

import java.time.Instant;

/**
 * When a DAG's next scheduled run is due, as the scheduler computes it from the timetable ({@code
 * dag.next_dagrun*} columns). All {@code null} when there is none.
 */
public record NextDagRun(
    Instant logicalDate, Instant dataIntervalStart, Instant dataIntervalEnd, Instant createAfter) {

  /** No next run (unscheduled, or the timetable has ended). */
  public static NextDagRun none() {
    return new NextDagRun(null, null, null, null);
  }
}
