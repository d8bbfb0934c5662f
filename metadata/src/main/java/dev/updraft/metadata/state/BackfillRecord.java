package dev.updraft.metadata.state;

import java.time.Instant;

/** A row of {@code backfill}. */
public record BackfillRecord(
    long id,
    String dagId,
    Instant fromDate,
    Instant toDate,
    String dagRunConf,
    boolean isPaused,
    String reprocessBehavior,
    int maxActiveRuns,
    Instant createdAt,
    Instant completedAt,
    Instant updatedAt,
    String triggeringUserName) {}
