package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A new run as soon as the previous one ends ({@code @continuous}), between the start and end
 * dates. The scheduler asks for the next run only when none is active, so a DAG with this timetable
 * may have at most {@link #ACTIVE_RUNS_LIMIT} active run.
 *
 * <p>Each run is exact at the moment it is asked for ({@code now}, but not before the start date).
 * Airflow gives a continuous run the interval from the previous run's interval end to now; that end
 * is not recoverable from a logical date alone, and an exact interval keeps every run's logical
 * date distinct and equal to its interval start.
 *
 * @param startDate no run before it; without one the DAG never runs, as in Airflow 3
 * @param endDate no run after it
 */
public record ContinuousTimetable(Instant startDate, Instant endDate) implements Timetable {

  /** Airflow's {@code active_runs_limit} for continuous DAGs. */
  public static final int ACTIVE_RUNS_LIMIT = 1;

  @Override
  public Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now) {
    if (restriction.earliest() == null) {
      return Optional.empty();
    }
    Instant at = now.isBefore(restriction.earliest()) ? restriction.earliest() : now;
    if (lastAutomatedLogicalDate != null && !at.isAfter(lastAutomatedLogicalDate)) {
      // A clock that has not moved must not repeat a logical date; the database keeps microseconds.
      at = lastAutomatedLogicalDate.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }
    return restriction.excludes(at) ? Optional.empty() : Optional.of(DagRunInfo.exact(at));
  }

  @Override
  public DataInterval inferManualDataInterval(Instant runAfter) {
    return DataInterval.exact(runAfter);
  }

  @Override
  public String summary() {
    return "@continuous";
  }
}
