package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An {@link ArtifactStore} in memory, for in-process runs and tests. Thread-safe. */
public final class InMemoryArtifactStore implements ArtifactStore {

  /** One recorded execution. */
  public record Execution(
      long id,
      ExecutionKey key,
      Map<String, List<Artifact>> inputs,
      Map<String, Object> parameters,
      Map<String, List<Artifact>> outputs,
      String state) {}

  private final Path artifactRoot;
  private final List<Artifact> artifacts = new ArrayList<>();
  private final Map<Long, Execution> executions = new LinkedHashMap<>();
  private long nextArtifactId = 1;
  private long nextExecutionId = 1;

  public InMemoryArtifactStore(Path artifactRoot) {
    this.artifactRoot = Objects.requireNonNull(artifactRoot, "artifactRoot");
  }

  @Override
  public Path artifactRoot() {
    return artifactRoot;
  }

  @Override
  public synchronized long beginExecution(
      ExecutionKey key, Map<String, List<Artifact>> inputs, Map<String, Object> parameters) {
    long id = nextExecutionId++;
    executions.put(
        id, new Execution(id, key, copy(inputs), Map.copyOf(parameters), Map.of(), "RUNNING"));
    return id;
  }

  @Override
  public synchronized void publishOutputs(long executionId, Map<String, List<Artifact>> outputs) {
    Execution execution = execution(executionId);
    outputs.values().stream()
        .flatMap(List::stream)
        .forEach(
            artifact -> {
              artifact.setId(nextArtifactId++);
              artifact.setState(ArtifactState.LIVE);
              artifacts.add(artifact);
            });
    executions.put(
        executionId,
        new Execution(
            executionId,
            execution.key(),
            execution.inputs(),
            execution.parameters(),
            copy(outputs),
            "COMPLETE"));
  }

  @Override
  public synchronized void failExecution(long executionId, String reason) {
    Execution execution = execution(executionId);
    executions.put(
        executionId,
        new Execution(
            executionId,
            execution.key(),
            execution.inputs(),
            execution.parameters(),
            Map.of(),
            "FAILED"));
  }

  @Override
  public synchronized List<Artifact> outputsOf(
      String dagId, String runId, String taskId, String outputKey) {
    // The newest completed execution of the task in the run wins (a retry replaces a failure).
    return executions.values().stream()
        .filter(e -> e.state().equals("COMPLETE"))
        .filter(
            e ->
                e.key().dagId().equals(dagId)
                    && e.key().runId().equals(runId)
                    && e.key().taskId().equals(taskId))
        .reduce((first, second) -> second)
        .map(e -> e.outputs().getOrDefault(outputKey, List.of()))
        .orElse(List.of());
  }

  @Override
  public synchronized <T extends Artifact> List<T> latest(String dagId, Class<T> type, int limit) {
    // A set: the filter below asks once per artifact.
    java.util.Set<Long> pipelineArtifacts =
        executions.values().stream()
            .filter(e -> e.key().dagId().equals(dagId))
            .flatMap(e -> e.outputs().values().stream().flatMap(List::stream))
            .map(Artifact::id)
            .collect(java.util.stream.Collectors.toSet());
    return artifacts.stream()
        .filter(a -> type.isInstance(a) && a.state() == ArtifactState.LIVE)
        .filter(a -> pipelineArtifacts.contains(a.id()) || a.property("external_for") != null)
        .sorted(Comparator.comparing(Artifact::id).reversed())
        .limit(limit)
        .map(type::cast)
        .toList();
  }

  @Override
  public synchronized <T extends Artifact> T registerExternal(
      String dagId, Class<T> type, String uri, Map<String, Object> properties) {
    for (Artifact existing : artifacts) {
      if (type.isInstance(existing) && uri.equals(existing.uri())) {
        return type.cast(existing);
      }
    }
    T artifact = Artifact.create(type);
    artifact.setUri(uri);
    properties.forEach(artifact::setProperty);
    artifact.setProperty("external_for", dagId);
    artifact.setId(nextArtifactId++);
    artifact.setState(ArtifactState.LIVE);
    artifacts.add(artifact);
    return artifact;
  }

  /** Every execution recorded, oldest first. */
  public synchronized List<Execution> executions() {
    return List.copyOf(executions.values());
  }

  private Execution execution(long id) {
    Execution execution = executions.get(id);
    if (execution == null) {
      throw new IllegalArgumentException("no execution " + id);
    }
    return execution;
  }

  private static Map<String, List<Artifact>> copy(Map<String, List<Artifact>> map) {
    Map<String, List<Artifact>> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, List.copyOf(value)));
    return copy;
  }
}
