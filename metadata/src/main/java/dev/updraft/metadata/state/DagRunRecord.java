package dev.updraft.metadata.state;

import dev.updraft.sdk.DagRunState;
import java.time.Instant;

/** A row of {@code dag_run}. */
public record DagRunRecord(
    long id,
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
    String note,
    Instant queuedAt,
    Instant startDate,
    Instant endDate,
    Instant lastSchedulingDecision,
    Instant createdAt,
    Instant updatedAt) {}
