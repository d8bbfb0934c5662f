package dev.updraft.metadata.state;

import java.util.List;
import java.util.Objects;

/**
 * A DAG as the DAG processor found it, to be written to {@code dag}, {@code dag_tag} and {@code
 * serialized_dag}.
 *
 * @param dagId the DAG's id
 * @param fileloc where it was loaded from (a jar or class folder)
 * @param owners comma-separated owners, as Airflow shows them
 * @param description the DAG's description, or {@code null}
 * @param timetableSummary the schedule in words or as written (e.g. {@code 0 0 * * *}), or {@code
 *     null} when unscheduled
 * @param maxActiveRuns the most runs at once, or {@code null} for the configured default
 * @param maxActiveTasks the most running task instances across the DAG's runs
 * @param tags the DAG's tags
 * @param pausedOnCreation whether the DAG starts paused when first seen
 * @param serializedJson the serialized DAG (JSON)
 * @param dagHash a hash of {@code serializedJson}; the serialized row is rewritten only when it
 *     changes
 */
public record ParsedDag(
    String dagId,
    String fileloc,
    String owners,
    String description,
    String timetableSummary,
    Integer maxActiveRuns,
    int maxActiveTasks,
    List<String> tags,
    boolean pausedOnCreation,
    String serializedJson,
    String dagHash) {

  public ParsedDag {
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(serializedJson, "serializedJson");
    Objects.requireNonNull(dagHash, "dagHash");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
