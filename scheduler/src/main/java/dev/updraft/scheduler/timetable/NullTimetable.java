package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.util.Optional;

/** No automated runs: the DAG runs only when triggered ({@code schedule=None}). */
public record NullTimetable() implements Timetable {

  @Override
  public Instant startDate() {
    return null;
  }

  @Override
  public Instant endDate() {
    return null;
  }

  @Override
  public Optional<DagRunInfo> nextDagRun(
      Instant lastAutomatedLogicalDate, TimeRestriction restriction, Instant now) {
    return Optional.empty();
  }

  @Override
  public DataInterval inferManualDataInterval(Instant runAfter) {
    return DataInterval.exact(runAfter);
  }

  @Override
  public String summary() {
    return "None";
  }
}
