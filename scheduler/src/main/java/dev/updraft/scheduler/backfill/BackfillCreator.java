package dev.updraft.scheduler.backfill;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.metadata.state.DuplicateDagRunException;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.scheduler.backfill.BackfillOutcome.Action;
import dev.updraft.scheduler.backfill.BackfillOutcome.DateOutcome;
import dev.updraft.scheduler.backfill.internal.BackfillRows;
import dev.updraft.scheduler.backfill.internal.BackfillRows.ExistingRun;
import dev.updraft.scheduler.timetable.Backfills;
import dev.updraft.scheduler.timetable.ContinuousTimetable;
import dev.updraft.scheduler.timetable.DagRunInfo;
import dev.updraft.scheduler.timetable.NullTimetable;
import dev.updraft.scheduler.timetable.OnceTimetable;
import dev.updraft.scheduler.timetable.Timetable;
import dev.updraft.scheduler.timetable.Timetables;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RunIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates backfills as Airflow 3 does ({@code airflow.models.backfill}): one queued run of type
 * {@code backfill} ({@code backfill__<logical date>}) for each of the timetable's runs between the
 * from and to dates whose data interval has ended, newest first with {@code runBackwards}. A date
 * that already has a run keeps it unless the reprocess behaviour says to clear it and queue it
 * again as part of the backfill; a run still queued or running is never touched.
 *
 * <p>The backfill is recorded in {@code backfill} with its {@code max_active_runs}, and each date
 * in {@code backfill_dag_run}; the scheduler loop is what honours that limit. One backfill at a
 * time per DAG: a backfill counts as running until none of its runs is queued or running.
 */
public final class BackfillCreator {
  /** Airflow's {@code DagRunTriggeredByType.BACKFILL}. */
  public static final String TRIGGERED_BY = "backfill";

  private static final Set<DagRunState> FINISHED = Set.of(DagRunState.SUCCESS, DagRunState.FAILED);

  private final Clock clock;
  private final BackfillRows rows;
  private final DagRunRepository runs;
  private final TaskInstanceRepository taskInstances;

  public BackfillCreator(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} deciding which intervals have ended. */
  public BackfillCreator(MetadataDatabase db, Clock clock) {
    this.clock = clock;
    this.rows = new BackfillRows(db);
    this.runs = new DagRunRepository(db, clock);
    this.taskInstances = new TaskInstanceRepository(db, clock);
  }

  /**
   * The runs a backfill would create or reprocess, in order, without writing anything.
   *
   * @throws InvalidBackfillException if the backfill cannot be made
   */
  public List<DagRunInfo> dryRun(CompiledDag dag, BackfillRequest request) {
    List<DagRunInfo> attempted = new ArrayList<>();
    for (DagRunInfo info : plan(dag, request)) {
      Optional<ExistingRun> existing = rows.runAt(request.dagId(), info.logicalDate());
      if (existing.isEmpty() || skipReason(existing.get(), request) == null) {
        attempted.add(info);
      }
    }
    return attempted;
  }

  /**
   * Creates the backfill and its runs.
   *
   * @throws InvalidBackfillException if the backfill cannot be made, or another backfill of the DAG
   *     is still running
   */
  public BackfillOutcome create(CompiledDag dag, BackfillRequest request) {
    List<DagRunInfo> infos = plan(dag, request);
    Instant now = clock.instant();
    if (rows.completeFinishedAndCountActive(request.dagId(), now) > 0) {
      throw new InvalidBackfillException(
          "Another backfill is running for Dag "
              + request.dagId()
              + ". There can be only one running backfill per Dag.");
    }
    long backfillId =
        rows.insertBackfill(
            request.dagId(),
            request.fromDate(),
            request.toDate(),
            request.dagRunConf(),
            request.reprocessBehavior().value(),
            request.maxActiveRuns(),
            request.triggeringUserName(),
            now);
    List<DateOutcome> outcomes = new ArrayList<>();
    int ordinal = 1;
    for (DagRunInfo info : infos) {
      outcomes.add(cover(dag, request, backfillId, info, ordinal++));
    }
    return new BackfillOutcome(backfillId, outcomes);
  }

  private DateOutcome cover(
      CompiledDag dag, BackfillRequest request, long backfillId, DagRunInfo info, int ordinal) {
    Instant logicalDate = info.logicalDate();
    Optional<ExistingRun> existing = rows.runAt(request.dagId(), logicalDate);
    if (existing.isPresent()) {
      ExistingRun run = existing.get();
      Action skip = skipReason(run, request);
      if (skip != null) {
        rows.insertDagRunLink(backfillId, null, logicalDate, reason(skip), ordinal);
        return new DateOutcome(logicalDate, run.runId(), skip);
      }
      reprocess(dag, run);
      rows.adoptRun(run.id(), backfillId, request.dagRunConf());
      rows.insertDagRunLink(backfillId, run.id(), logicalDate, null, ordinal);
      return new DateOutcome(logicalDate, run.runId(), Action.REPROCESSED);
    }
    String runId = RunIds.of(DagRunType.BACKFILL.value(), logicalDate);
    try {
      DagRunRecord created =
          runs.create(
              new NewDagRun(
                  request.dagId(),
                  runId,
                  DagRunType.BACKFILL,
                  DagRunState.QUEUED,
                  logicalDate,
                  info.dataInterval().start(),
                  info.dataInterval().end(),
                  info.runAfter(),
                  request.dagRunConf(),
                  TRIGGERED_BY,
                  null));
      rows.adoptRun(created.id(), backfillId, null);
      rows.insertDagRunLink(backfillId, created.id(), logicalDate, null, ordinal);
      return new DateOutcome(logicalDate, runId, Action.CREATED);
    } catch (DuplicateDagRunException e) {
      // Created meanwhile by a scheduler or another client: in flight, as Airflow records it.
      rows.insertDagRunLink(backfillId, null, logicalDate, reason(Action.IN_FLIGHT), ordinal);
      return new DateOutcome(logicalDate, runId, Action.IN_FLIGHT);
    }
  }

  /** Airflow's {@code _get_dag_run_no_create_reason}; {@code null} when the run is reprocessed. */
  private static Action skipReason(ExistingRun run, BackfillRequest request) {
    if (!FINISHED.contains(run.state())) {
      return Action.IN_FLIGHT;
    }
    return switch (request.reprocessBehavior()) {
      case NONE -> Action.ALREADY_EXISTS;
      case FAILED -> run.state() == DagRunState.FAILED ? null : Action.ALREADY_EXISTS;
      case COMPLETED -> null;
    };
  }

  private static String reason(Action action) {
    return action == Action.IN_FLIGHT ? "in flight" : "already exists";
  }

  /** Clears every task instance of the run and queues it again, as Airflow's dag.clear. */
  private void reprocess(CompiledDag dag, ExistingRun run) {
    Map<String, Integer> retries = new LinkedHashMap<>();
    for (TaskInstanceRecord ti : taskInstances.listForRun(dag.dagId(), run.runId())) {
      retries.put(
          ti.taskId(), dag.hasTask(ti.taskId()) ? dag.options(ti.taskId()).args().retries() : null);
    }
    taskInstances.clear(dag.dagId(), run.runId(), retries);
    runs.transition(dag.dagId(), run.runId(), FINISHED, DagRunState.QUEUED, clock.instant());
  }

  /** The validated runs to cover, in the order to cover them. */
  private List<DagRunInfo> plan(CompiledDag dag, BackfillRequest request) {
    String dagId = request.dagId();
    if (request.fromDate().isAfter(request.toDate())) {
      throw new InvalidBackfillException(
          "from_date ("
              + RunIds.isoformat(request.fromDate())
              + ") must not be after to_date ("
              + RunIds.isoformat(request.toDate())
              + ").");
    }
    Instant now = clock.instant();
    if (!request.fromDate().isBefore(now) && !request.toDate().isBefore(now)) {
      throw new InvalidBackfillException("Backfill cannot be executed for future dates.");
    }
    Timetable timetable;
    try {
      timetable = Timetables.of(dag.dag());
    } catch (IllegalArgumentException e) {
      throw new InvalidBackfillException(e.getMessage());
    }
    if (timetable instanceof NullTimetable
        || timetable instanceof OnceTimetable
        || timetable instanceof ContinuousTimetable) {
      throw new InvalidBackfillException(
          dagId + " has a non-periodic schedule that does not support backfills");
    }
    List<DagRunInfo> infos = new ArrayList<>();
    for (DagRunInfo info :
        Backfills.backfillIntervals(timetable, request.fromDate(), request.toDate())) {
      // As Airflow: only intervals that have ended.
      if (info.dataInterval().end().isBefore(now)) {
        infos.add(info);
      }
    }
    if (infos.isEmpty()) {
      throw new InvalidBackfillException("No runs to create for Dag " + dagId);
    }
    return request.runBackwards() ? infos.reversed() : infos;
  }
}
