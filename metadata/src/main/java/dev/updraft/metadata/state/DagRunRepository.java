package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.DagRunDates;
import dev.updraft.metadata.state.internal.DagRunRowMapper;
import dev.updraft.metadata.state.internal.SqlErrors;
import dev.updraft.metadata.state.internal.States;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.sdk.DagRunState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DAG runs ({@code dag_run}) and their state changes. */
public final class DagRunRepository {
  private static final DagRunRowMapper MAPPER = new DagRunRowMapper();

  private final MetadataDatabase db;
  private final Clock clock;

  public DagRunRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping {@code created_at} (and the dates of the starting state). */
  public DagRunRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Creates a run.
   *
   * @throws DuplicateDagRunException naming the DAG and run when the DAG already has a run with
   *     this run id or logical date
   */
  public DagRunRecord create(NewDagRun run) {
    Instant now = Times.truncate(clock.instant());
    DagRunDates dates = DagRunDates.initial(run.state(), now);
    try {
      return db.inTransaction(
          handle -> {
            long id =
                handle
                    .createUpdate(
                        """
                        INSERT INTO dag_run (dag_id, run_id, run_type, state, logical_date,
                          data_interval_start, data_interval_end, run_after, conf, triggered_by,
                          note, queued_at, start_date, end_date, created_at, updated_at,
                          created_dag_version_id)
                        VALUES (:dagId, :runId, :runType, :state, :logicalDate, :start, :end,
                          :runAfter, :conf, :triggeredBy, :note, :queuedAt, :startDate, :endDate,
                          :now, :now,
                          (SELECT id FROM dag_version WHERE dag_id = :dagId
                           ORDER BY version_number DESC LIMIT 1))""")
                    .bind("dagId", run.dagId())
                    .bind("runId", run.runId())
                    .bind("runType", run.runType().value())
                    .bind("state", run.state().value())
                    .bind("logicalDate", Times.arg(run.logicalDate()))
                    .bind("start", Times.arg(run.dataIntervalStart()))
                    .bind("end", Times.arg(run.dataIntervalEnd()))
                    .bind("runAfter", Times.arg(run.runAfter()))
                    .bind("conf", run.conf())
                    .bind("triggeredBy", run.triggeredBy())
                    .bind("note", run.note())
                    .bind("queuedAt", Times.arg(dates.queuedAt()))
                    .bind("startDate", Times.arg(dates.startDate()))
                    .bind("endDate", Times.arg(dates.endDate()))
                    .bind("now", Times.arg(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return handle
                .createQuery("SELECT * FROM dag_run WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .one();
          });
    } catch (RuntimeException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw duplicate(run, e);
      }
      throw e;
    }
  }

  private DuplicateDagRunException duplicate(NewDagRun run, RuntimeException cause) {
    String what =
        find(run.dagId(), run.runId()).isPresent() || run.logicalDate() == null
            ? "a run with this run_id already exists"
            : "the DAG already has a run with logical date " + run.logicalDate();
    var error =
        new DuplicateDagRunException(
            run.dagId(),
            run.runId(),
            "cannot create run '" + run.runId() + "' of DAG '" + run.dagId() + "': " + what);
    error.addSuppressed(cause);
    return error;
  }

  /**
   * Locks run {@code runId} for the caller's transaction and answers it, if it is in {@code state}
   * and no other transaction holds it ({@code FOR UPDATE SKIP LOCKED}); {@code extraCondition} is
   * added to the WHERE clause as is (e.g. that its DAG is not paused). Call inside {@link
   * MetadataDatabase#inTransaction}, or the lock ends at once.
   */
  public Optional<DagRunRecord> lockIfFree(
      String dagId, String runId, DagRunState state, String extraCondition) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM dag_run WHERE dag_id = :dagId AND run_id = :runId"
                        + " AND state = :state"
                        + extraCondition
                        + " FOR UPDATE SKIP LOCKED")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .bind("state", state.value())
                .map(MAPPER)
                .findOne());
  }

  /**
   * Locks run {@code runId} for the caller's transaction, waiting for any other holder (a scheduler
   * deciding it), and answers it; the scheduler's {@code SKIP LOCKED} passes leave it alone until
   * the caller commits. Call inside {@link MetadataDatabase#inTransaction}.
   */
  public Optional<DagRunRecord> lock(String dagId, String runId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM dag_run WHERE dag_id = :dagId AND run_id = :runId FOR UPDATE")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .map(MAPPER)
                .findOne());
  }

  /** The run {@code runId} of {@code dagId}, if it exists. */
  public Optional<DagRunRecord> find(String dagId, String runId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM dag_run WHERE dag_id = :dagId AND run_id = :runId")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .map(MAPPER)
                .findOne());
  }

  /** The runs of {@code dagId}, newest ({@code run_after}) first. */
  public List<DagRunRecord> list(String dagId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM dag_run WHERE dag_id = :dagId ORDER BY run_after DESC, id DESC")
                .bind("dagId", dagId)
                .map(MAPPER)
                .list());
  }

  /** Up to {@code limit} runs in {@code state} across DAGs, oldest {@code run_after} first. */
  public List<DagRunRecord> listByState(DagRunState state, int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM dag_run WHERE state = :state"
                        + " ORDER BY run_after, id LIMIT :limit")
                .bind("state", state.value())
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /**
   * Moves a run to {@code to} if it is in one of {@code from}, setting its dates as Airflow does
   * (see {@link DagRunDates}). The row is locked for the change, so concurrent transitions apply
   * one after the other and each sees the state the previous one left.
   *
   * @return whether the run existed in one of {@code from} and was moved
   */
  public boolean transition(
      String dagId, String runId, Set<DagRunState> from, DagRunState to, Instant at) {
    if (from.isEmpty()) {
      return false;
    }
    Instant when = Times.truncate(at);
    return db.inTransaction(
        handle -> {
          Optional<DagRunRecord> found =
              handle
                  .createQuery(
                      "SELECT * FROM dag_run WHERE dag_id = :dagId AND run_id = :runId"
                          + " AND state IN (<from>) FOR UPDATE")
                  .bind("dagId", dagId)
                  .bind("runId", runId)
                  .bindList("from", States.dagRunValues(from))
                  .map(MAPPER)
                  .findOne();
          if (found.isEmpty()) {
            return false;
          }
          DagRunRecord run = found.get();
          DagRunDates dates =
              DagRunDates.after(
                  run.state(),
                  new DagRunDates(run.queuedAt(), run.startDate(), run.endDate()),
                  to,
                  when);
          handle
              .createUpdate(
                  """
                  UPDATE dag_run SET state = :to, queued_at = :queuedAt, start_date = :startDate,
                    end_date = :endDate, updated_at = :at
                  WHERE id = :id""")
              .bind("to", to.value())
              .bind("queuedAt", Times.arg(dates.queuedAt()))
              .bind("startDate", Times.arg(dates.startDate()))
              .bind("endDate", Times.arg(dates.endDate()))
              .bind("at", Times.arg(when))
              .bind("id", run.id())
              .execute();
          return true;
        });
  }

  /** Records when the scheduler last examined the run; false if it does not exist. */
  public boolean markSchedulingDecision(String dagId, String runId, Instant at) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE dag_run SET last_scheduling_decision = :at"
                            + " WHERE dag_id = :dagId AND run_id = :runId")
                    .bind("at", Times.arg(at))
                    .bind("dagId", dagId)
                    .bind("runId", runId)
                    .execute()
                > 0);
  }

  /** Deletes a run with its task instances, their history and XComs; false if it did not exist. */
  public boolean delete(String dagId, String runId) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate("DELETE FROM dag_run WHERE dag_id = :dagId AND run_id = :runId")
                    .bind("dagId", dagId)
                    .bind("runId", runId)
                    .execute()
                > 0);
  }
}
