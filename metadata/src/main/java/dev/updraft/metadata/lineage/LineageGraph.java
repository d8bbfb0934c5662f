package dev.updraft.metadata.lineage;

import java.util.List;
import java.util.Optional;

/**
 * A lineage subgraph: the artifacts and executions a walk reached, and the events it crossed.
 * Artifacts and executions are ordered by id.
 */
public record LineageGraph(
    List<ArtifactRecord> artifacts, List<ExecutionRecord> executions, List<Event> events) {

  public LineageGraph {
    artifacts = List.copyOf(artifacts);
    executions = List.copyOf(executions);
    events = List.copyOf(events);
  }

  public List<Long> artifactIds() {
    return artifacts.stream().map(ArtifactRecord::id).toList();
  }

  public List<Long> executionIds() {
    return executions.stream().map(ExecutionRecord::id).toList();
  }

  public Optional<ArtifactRecord> artifact(long id) {
    return artifacts.stream().filter(a -> a.id() == id).findFirst();
  }

  /** The artifacts of one type. */
  public List<ArtifactRecord> artifactsOfType(String typeName) {
    return artifacts.stream().filter(a -> a.typeName().equals(typeName)).toList();
  }
}
