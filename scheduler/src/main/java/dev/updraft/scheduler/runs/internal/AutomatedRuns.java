package dev.updraft.scheduler.runs.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.sdk.DagRunState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The questions scheduled run creation asks of {@code dag_run}. */
public final class AutomatedRuns {
  private static final List<String> AUTOMATED =
      List.of(DagRunType.SCHEDULED.value(), DagRunType.BACKFILL.value());
  private static final List<String> ACTIVE =
      List.of(DagRunState.QUEUED.value(), DagRunState.RUNNING.value());

  private final MetadataDatabase db;

  public AutomatedRuns(MetadataDatabase db) {
    this.db = db;
  }

  /**
   * The latest logical date of a scheduled or backfill run, as Airflow 3's {@code
   * _get_latest_runs_stmt}: where the timetable goes on from after a restart.
   */
  public Optional<Instant> lastAutomatedLogicalDate(String dagId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT MAX(logical_date) FROM dag_run WHERE dag_id = :dagId"
                        + " AND run_type IN (<types>)")
                .bind("dagId", dagId)
                .bindList("types", AUTOMATED)
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
  }

  /** Queued and running runs of {@code dagId}, backfills left out as Airflow does. */
  public int activeNonBackfillRuns(String dagId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM dag_run WHERE dag_id = :dagId AND state IN (<active>)"
                        + " AND run_type <> :backfill")
                .bind("dagId", dagId)
                .bindList("active", ACTIVE)
                .bind("backfill", DagRunType.BACKFILL.value())
                .mapTo(Integer.class)
                .one());
  }

  /** Whether {@code dagId} is paused; an unknown DAG counts as paused (it has no row to run). */
  public boolean isPaused(String dagId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT is_paused FROM dag WHERE dag_id = :dagId")
                .bind("dagId", dagId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(true));
  }
}
