package dev.updraft.scheduler.backfill;

import java.time.Instant;
import java.util.List;

/**
 * What a backfill did.
 *
 * @param backfillId the {@code backfill} row
 * @param dates each logical date it covered, in the order it covered them
 */
public record BackfillOutcome(long backfillId, List<DateOutcome> dates) {

  public BackfillOutcome {
    dates = List.copyOf(dates);
  }

  /** What became of one logical date. */
  public enum Action {
    /** A new queued backfill run. */
    CREATED,
    /** An existing finished run, cleared and queued again as part of the backfill. */
    REPROCESSED,
    /** An existing run that was left alone (Airflow's {@code already exists}). */
    ALREADY_EXISTS,
    /** An existing run still queued or running (Airflow's {@code in flight}). */
    IN_FLIGHT
  }

  /**
   * @param logicalDate the date
   * @param runId the run that covers it
   * @param action what the backfill did
   */
  public record DateOutcome(Instant logicalDate, String runId, Action action) {}

  /** How many dates got {@code action}. */
  public long count(Action action) {
    return dates.stream().filter(d -> d.action() == action).count();
  }
}
