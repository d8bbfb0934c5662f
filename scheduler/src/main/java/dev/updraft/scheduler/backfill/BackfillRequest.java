package dev.updraft.scheduler.backfill;

import java.time.Instant;
import java.util.Objects;

/**
 * A backfill to make, as Airflow 3's {@code backfill create}.
 *
 * @param dagId the DAG
 * @param fromDate the first logical date to cover (inclusive)
 * @param toDate the last logical date to cover (inclusive)
 * @param reprocessBehavior what to do with logical dates that already have a run
 * @param maxActiveRuns how many of the backfill's runs may be active at once
 * @param runBackwards whether the newest logical date goes first
 * @param dagRunConf the runs' conf as a JSON object
 * @param triggeringUserName who asked, or {@code null}
 */
public record BackfillRequest(
    String dagId,
    Instant fromDate,
    Instant toDate,
    ReprocessBehavior reprocessBehavior,
    int maxActiveRuns,
    boolean runBackwards,
    String dagRunConf,
    String triggeringUserName) {

  /** Airflow's default {@code backfill.max_active_runs}. */
  public static final int DEFAULT_MAX_ACTIVE_RUNS = 10;

  public BackfillRequest {
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(fromDate, "fromDate");
    Objects.requireNonNull(toDate, "toDate");
    Objects.requireNonNull(reprocessBehavior, "reprocessBehavior");
    if (maxActiveRuns < 1) {
      throw new InvalidBackfillException(
          "max_active_runs must be at least 1, not " + maxActiveRuns);
    }
    dagRunConf = dagRunConf == null ? "{}" : dagRunConf;
  }
}
