package dev.updraft.scheduler.runs;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.metadata.state.DuplicateDagRunException;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.NextDagRun;
import dev.updraft.scheduler.runs.internal.AutomatedRuns;
import dev.updraft.scheduler.timetable.DagRunInfo;
import dev.updraft.scheduler.timetable.RunRequestSink;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.run.RunIds;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates the {@code dag_run} rows of scheduled runs, as Airflow's scheduler does: run type {@code
 * scheduled}, run id {@code scheduled__<logical date>}, queued, with the timetable's data interval
 * and run-after, an empty conf, triggered by {@code timetable}. Then it records the DAG's next run
 * in {@code dag.next_dagrun*}.
 *
 * <p>Creation is idempotent: a run that already exists (another scheduler made it, or this one
 * before a restart) is not an error. Paused DAGs get no runs.
 */
public final class ScheduledRunCreator implements RunRequestSink {
  /** Airflow's {@code DagRunTriggeredByType.TIMETABLE}. */
  public static final String TRIGGERED_BY = "timetable";

  /** What became of one request. */
  public enum Outcome {
    CREATED,
    ALREADY_EXISTS,
    DAG_PAUSED
  }

  private final DagRunRepository runs;
  private final DagRepository dags;
  private final AutomatedRuns automated;
  private final Clock clock;
  private final Function<String, Optional<DagSchedule>> schedules;

  /**
   * @param schedules the current schedule of a DAG, for its next-run fields (empty: leave them)
   */
  public ScheduledRunCreator(
      MetadataDatabase db, Clock clock, Function<String, Optional<DagSchedule>> schedules) {
    this.runs = new DagRunRepository(db, clock);
    this.dags = new DagRepository(db, clock);
    this.automated = new AutomatedRuns(db);
    this.clock = clock;
    this.schedules = schedules;
  }

  @Override
  public void requestRun(String dagId, DagRunInfo info) {
    create(dagId, info);
  }

  /** Creates the scheduled run {@code info} of {@code dagId} unless paused or already there. */
  public Outcome create(String dagId, DagRunInfo info) {
    if (automated.isPaused(dagId)) {
      return Outcome.DAG_PAUSED;
    }
    Outcome outcome;
    try {
      runs.create(newRun(dagId, info));
      outcome = Outcome.CREATED;
    } catch (DuplicateDagRunException e) {
      outcome = Outcome.ALREADY_EXISTS;
    }
    schedules
        .apply(dagId)
        .ifPresent(schedule -> moveNextDagRunForward(dagId, after(schedule, info)));
    return outcome;
  }

  // Requests repeat (a restart, a second scheduler, a wake-up racing a fire): a repeated request
  // for an older run must not move the DAG's next run back.
  private void moveNextDagRunForward(String dagId, NextDagRun next) {
    java.time.Instant stored =
        dags.find(dagId).map(dev.updraft.metadata.state.DagRecord::nextDagrun).orElse(null);
    if (stored == null || next.logicalDate() == null || next.logicalDate().isAfter(stored)) {
      dags.setNextDagRun(dagId, next);
    }
  }

  /** The scheduled run id Airflow gives {@code logicalDate}. */
  public static String runId(java.time.Instant logicalDate) {
    return RunIds.of(DagRunType.SCHEDULED.value(), logicalDate);
  }

  static NewDagRun newRun(String dagId, DagRunInfo info) {
    return new NewDagRun(
        dagId,
        runId(info.logicalDate()),
        DagRunType.SCHEDULED,
        DagRunState.QUEUED,
        info.logicalDate(),
        info.dataInterval().start(),
        info.dataInterval().end(),
        info.runAfter(),
        "{}",
        TRIGGERED_BY,
        null);
  }

  /**
   * The DAG's next run once {@code created} exists. A continuous DAG has none until its active run
   * ends (Airflow clears {@code next_dagrun_create_after} while max_active_runs is reached).
   */
  private NextDagRun after(DagSchedule schedule, DagRunInfo created) {
    if (schedule.isContinuous()) {
      return NextDagRun.none();
    }
    return schedule
        .timetable()
        .nextDagRun(created.logicalDate(), clock.instant(), schedule.catchup())
        .map(ScheduledRunCreator::next)
        .orElse(NextDagRun.none());
  }

  static NextDagRun next(DagRunInfo info) {
    return new NextDagRun(
        info.logicalDate(),
        info.dataInterval().start(),
        info.dataInterval().end(),
        info.runAfter());
  }
}
