package dev.updraft.metadata.state;

/**
 * A run as the API shows it: its row, and the columns {@link DagRunRecord} leaves out.
 *
 * @param triggeringUserName who triggered it, or {@code null}
 * @param backfillId the backfill it belongs to, or {@code null}
 */
public record DagRunView(DagRunRecord run, String triggeringUserName, Long backfillId) {}
