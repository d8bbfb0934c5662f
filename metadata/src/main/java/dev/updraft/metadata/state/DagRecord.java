package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.List;

/** A row of {@code dag} with its tags from {@code dag_tag} (sorted). */
public record DagRecord(
    String dagId,
    boolean isPaused,
    boolean isStale,
    String fileloc,
    String owners,
    String description,
    String timetableSummary,
    Integer maxActiveRuns,
    int maxActiveTasks,
    boolean hasImportErrors,
    Instant nextDagrun,
    Instant nextDagrunDataIntervalStart,
    Instant nextDagrunDataIntervalEnd,
    Instant nextDagrunCreateAfter,
    Instant lastParsedTime,
    List<String> tags) {

  public DagRecord {
    tags = List.copyOf(tags);
  }
}
