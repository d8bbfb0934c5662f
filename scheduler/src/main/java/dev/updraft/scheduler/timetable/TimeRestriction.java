package dev.updraft.scheduler.timetable;

import java.time.Instant;

/**
 * Limits on the automated runs a timetable may produce, as Airflow's {@code TimeRestriction}.
 *
 * @param earliest no run before it: the DAG's start date, or a backfill's from date ({@code null}:
 *     unbounded)
 * @param latest no run after it: the DAG's end date, or a backfill's to date ({@code null}:
 *     unbounded)
 * @param catchup whether missed runs since {@code earliest} (or the last run) are all produced
 */
public record TimeRestriction(Instant earliest, Instant latest, boolean catchup) {

  /** Whether {@code logicalDate} is after {@code latest}, so no run may be produced for it. */
  boolean excludes(Instant logicalDate) {
    return latest != null && logicalDate.isAfter(latest);
  }
}
