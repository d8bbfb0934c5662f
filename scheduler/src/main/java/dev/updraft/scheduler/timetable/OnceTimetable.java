package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * One run at the start date ({@code @once}), whatever catchup says; none if the DAG has run.
 *
 * @param startDate when the run happens ({@code null}: as soon as asked)
 * @param endDate no run if the start date is after it
 */
public record OnceTimetable(Instant startDate, Instant endDate) implements Timetable {

  @Override
  public Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now) {
    if (lastAutomatedLogicalDate != null) {
      return Optional.empty();
    }
    Instant at = restriction.earliest() != null ? restriction.earliest() : now;
    return restriction.excludes(at) ? Optional.empty() : Optional.of(DagRunInfo.exact(at));
  }

  @Override
  public DataInterval inferManualDataInterval(Instant runAfter) {
    return DataInterval.exact(runAfter);
  }

  @Override
  public String summary() {
    return "@once";
  }
}
