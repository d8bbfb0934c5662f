package dev.updraft.metadata.state;

import dev.updraft.sdk.DagRunState;
import java.time.Instant;
import java.util.Objects;

/**
 * A DAG run to create.
 *
 * @param dagId the DAG
 * @param runId unique within the DAG, e.g. {@code scheduled__2025-01-01T00:00:00+00:00}
 * @param runType why the run exists
 * @param state the state it starts in, usually {@link DagRunState#QUEUED}
 * @param logicalDate Airflow's logical date, unique within the DAG; {@code null} for runs without
 *     one (Airflow 3 allows that for manual and asset-triggered runs)
 * @param dataIntervalStart the start of the data interval, or {@code null}
 * @param dataIntervalEnd the end of the data interval, or {@code null}
 * @param runAfter the earliest time the run may start
 * @param conf the run's configuration as JSON, or {@code null}
 * @param triggeredBy what created it, in Airflow's words ({@code cli}, {@code rest_api}, {@code
 *     timetable}, …), or {@code null}
 * @param note a user's note, or {@code null}
 */
public record NewDagRun(
    String dagId,
    String runId,
    DagRunType runType,
    DagRunState state,
    Instant logicalDate,
    Instant dataIntervalStart,
    Instant dataIntervalEnd,
    Instant runAfter,
    String conf,
    String triggeredBy,
    String note) {

  public NewDagRun {
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(runType, "runType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(runAfter, "runAfter");
  }

  /** A queued manual run with no logical date, due at {@code runAfter}. */
  public static NewDagRun manual(String dagId, String runId, Instant runAfter) {
    return new NewDagRun(
        dagId,
        runId,
        DagRunType.MANUAL,
        DagRunState.QUEUED,
        null,
        null,
        null,
        runAfter,
        null,
        null,
        null);
  }

  /**
   * A queued manual run at {@code logicalDate}, its data interval that instant and due then,
   * created by {@code triggeredBy}.
   */
  public static NewDagRun manualAt(
      String dagId, String runId, Instant logicalDate, String triggeredBy) {
    return new NewDagRun(
        dagId,
        runId,
        DagRunType.MANUAL,
        DagRunState.QUEUED,
        logicalDate,
        logicalDate,
        logicalDate,
        logicalDate,
        null,
        triggeredBy,
        null);
  }
}
