package dev.updraft.metadata.state;

import java.time.Instant;

/** A row of {@code job}: a long-running process (scheduler, triggerer, …) and its heartbeat. */
public record JobRecord(
    long id,
    String dagId,
    JobState state,
    String jobType,
    Instant startDate,
    Instant endDate,
    Instant latestHeartbeat,
    String executorClass,
    String hostname,
    String unixname) {}
