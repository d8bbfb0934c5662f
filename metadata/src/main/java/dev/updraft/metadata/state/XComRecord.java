package dev.updraft.metadata.state;

import java.time.Instant;

/** A row of {@code xcom}: a value (JSON) a task instance pushed under a key. */
public record XComRecord(
    long dagRunId,
    String dagId,
    String runId,
    String taskId,
    int mapIndex,
    String key,
    String value,
    Instant timestamp) {}
