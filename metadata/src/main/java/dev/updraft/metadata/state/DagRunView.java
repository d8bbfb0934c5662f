package dev.updraft.metadata.state;

import java.util.UUID;

/**
 * A run as the API shows it: its row, and the columns {@link DagRunRecord} leaves out.
 *
 * @param triggeringUserName who triggered it, or {@code null}
 * @param backfillId the backfill it belongs to, or {@code null}
 * @param createdDagVersionId the DAG version current when it was created, or {@code null}
 * @param createdDagVersion that version's row, or {@code null} (none, or since removed)
 */
public record DagRunView(
    DagRunRecord run,
    String triggeringUserName,
    Long backfillId,
    UUID createdDagVersionId,
    DagVersionRecord createdDagVersion) {

  DagRunView withCreatedDagVersion(DagVersionRecord version) {
    return new DagRunView(run, triggeringUserName, backfillId, createdDagVersionId, version);
  }
}
