package dev.updraft.metadata.lineage;

import dev.updraft.metadata.lineage.internal.PropertyValues;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import dev.updraft.sdk.internal.run.ArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime's {@link ArtifactStore} on the metadata database, recording what TFX's launcher
 * records in ML Metadata: each component execution (of an execution type named by the component
 * type) with its input and output events, associated with its pipeline, pipeline-run and node
 * contexts, and its outputs attributed to them.
 *
 * <p>Outputs are written only when published (LIVE, in the transaction that completes the
 * execution), so a failed execution leaves no outputs behind. Artifacts read back are instances of
 * the class their type name is registered for in {@link ArtifactTypes}; classes this store writes
 * are registered as it meets them.
 */
public final class MetadataArtifactStore implements ArtifactStore {
  /** The execution custom property that records why an execution failed. */
  public static final String FAILURE_REASON = "failure_reason";

  private final LineageStore lineage;
  private final Path artifactRoot;
  private final ArtifactTypes types;
  private final ArtifactMapper mapper;
  private final Set<String> declaredTypes = ConcurrentHashMap.newKeySet();

  /** A store with the SDK's standard artifact types. */
  public MetadataArtifactStore(LineageStore lineage, Path artifactRoot) {
    this(lineage, artifactRoot, ArtifactTypes.standard());
  }

  public MetadataArtifactStore(LineageStore lineage, Path artifactRoot, ArtifactTypes types) {
    this.lineage = Objects.requireNonNull(lineage, "lineage");
    this.artifactRoot = Objects.requireNonNull(artifactRoot, "artifactRoot");
    this.types = Objects.requireNonNull(types, "types");
    this.mapper = new ArtifactMapper(types);
  }

  @Override
  public Path artifactRoot() {
    return artifactRoot;
  }

  /** The lineage store underneath, for queries. */
  public LineageStore lineage() {
    return lineage;
  }

  /**
   * Records a RUNNING execution with INPUT events; inputs without an id are registered (LIVE) and
   * get their ids.
   */
  @Override
  public long beginExecution(
      ExecutionKey key, Map<String, List<Artifact>> inputs, Map<String, Object> parameters) {
    PipelineContexts contexts = lineage.pipelineContexts(key.dagId(), key.runId(), key.taskId());
    lineage.putType(ComponentExecutions.type(key.componentType()));
    Map<String, Object> custom = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            custom.put(name, PropertyValues.storable(value));
          }
        });
    ExecutionRecord execution = ComponentExecutions.running(key).withCustomProperties(custom);
    Map<String, List<ArtifactRecord>> records = records(inputs, ArtifactState.LIVE);
    RecordedExecution recorded =
        lineage.recordExecution(execution, records, Map.of(), contexts.ids());
    copyIds(inputs, records, recorded.inputIds());
    return recorded.executionId();
  }

  /** Stores the outputs LIVE with OUTPUT events and attributions, and completes the execution. */
  @Override
  public void publishOutputs(long executionId, Map<String, List<Artifact>> outputs) {
    Map<String, List<ArtifactRecord>> records = records(outputs, ArtifactState.LIVE);
    Map<String, List<Long>> ids =
        lineage.publishExecution(executionId, records, ExecutionState.COMPLETE, Map.of());
    copyIds(outputs, records, ids);
  }

  @Override
  public void failExecution(long executionId, String reason) {
    lineage.updateExecutionState(
        executionId, ExecutionState.FAILED, Map.of(FAILURE_REASON, String.valueOf(reason)));
  }

  /**
   * The LIVE outputs under {@code outputKey} of the node's newest COMPLETE execution in the run.
   */
  @Override
  public List<Artifact> outputsOf(String dagId, String runId, String taskId, String outputKey) {
    Optional<Long> run =
        lineage.findContext(
            PipelineContexts.PIPELINE_RUN, PipelineContexts.pipelineRunName(dagId, runId));
    Optional<Long> node =
        lineage.findContext(PipelineContexts.NODE, PipelineContexts.nodeName(dagId, taskId));
    if (run.isEmpty() || node.isEmpty()) {
      return List.of();
    }
    return lineage
        .latestCompleteExecution(run.get(), node.get())
        .map(
            execution ->
                lineage.outputsOf(execution).getOrDefault(outputKey, List.of()).stream()
                    .filter(a -> a.state() == ArtifactState.LIVE)
                    .map(mapper::toArtifact)
                    .toList())
        .orElse(List.of());
  }

  @Override
  public <T extends Artifact> List<T> latest(String dagId, Class<T> type, int limit) {
    types.registerIfAbsent(type);
    Optional<Long> pipeline = lineage.findContext(PipelineContexts.PIPELINE, dagId);
    if (pipeline.isEmpty()) {
      return List.of();
    }
    return lineage.latestArtifacts(Artifact.typeName(type), pipeline.get(), limit).stream()
        .map(record -> mapper.toArtifact(record, type))
        .toList();
  }

  /**
   * The newest LIVE artifact of the type at {@code uri}, else a new LIVE one; attributed to the
   * DAG.
   */
  @Override
  public <T extends Artifact> T registerExternal(
      String dagId, Class<T> type, String uri, Map<String, Object> properties) {
    T artifact = Artifact.create(type);
    artifact.setUri(uri);
    properties.forEach(artifact::setProperty);
    declare(artifact);
    long pipeline = lineage.putContext(PipelineContexts.pipeline(dagId), List.of());
    ArtifactRecord stored =
        lineage.findOrRegister(mapper.toRecord(artifact, ArtifactState.LIVE), List.of(pipeline));
    return mapper.toArtifact(stored, type);
  }

  /**
   * The records of {@code artifacts}: new ones (without an id) in {@code newState}, their types
   * declared in the store first.
   */
  private Map<String, List<ArtifactRecord>> records(
      Map<String, List<Artifact>> artifacts, ArtifactState newState) {
    Map<String, List<ArtifactRecord>> records = new LinkedHashMap<>();
    artifacts.forEach(
        (key, list) -> {
          List<ArtifactRecord> keyRecords = new ArrayList<>(list.size());
          for (Artifact artifact : list) {
            declare(artifact);
            ArtifactState state = artifact.id() == null ? newState : artifact.state();
            keyRecords.add(mapper.toRecord(artifact, state));
          }
          records.put(key, keyRecords);
        });
    return records;
  }

  /** Registers the artifact's class and its type (with typed properties) once per type name. */
  private void declare(Artifact artifact) {
    types.registerIfAbsent(artifact.getClass());
    String typeName = ArtifactMapper.typeNameOf(artifact);
    if (!declaredTypes.contains(typeName)) {
      lineage.putType(types.definition(typeName));
      declaredTypes.add(typeName);
    }
  }

  /** Gives the caller's artifact objects the ids and states they were stored with. */
  private static void copyIds(
      Map<String, List<Artifact>> artifacts,
      Map<String, List<ArtifactRecord>> records,
      Map<String, List<Long>> ids) {
    artifacts.forEach(
        (key, list) -> {
          List<Long> keyIds = ids.get(key);
          List<ArtifactRecord> keyRecords = records.get(key);
          for (int i = 0; i < list.size(); i++) {
            ArtifactMapper.copyBack(list.get(i), keyIds.get(i), keyRecords.get(i).state());
          }
        });
  }
}
