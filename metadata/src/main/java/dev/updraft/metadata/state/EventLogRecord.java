package dev.updraft.metadata.state;

import java.time.Instant;

/** A row of {@code log}, Airflow's event log (audit trail) of user and system actions. */
public record EventLogRecord(
    long id,
    Instant dttm,
    String dagId,
    String taskId,
    Integer mapIndex,
    String event,
    Instant logicalDate,
    String runId,
    String owner,
    String ownerDisplayName,
    String extra,
    Integer tryNumber) {}
