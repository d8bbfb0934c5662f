package dev.updraft.web.execution;

import dev.updraft.metadata.lineage.ArtifactTypes;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.lineage.PipelineContexts;
import dev.updraft.metadata.lineage.UnknownArtifact;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import dev.updraft.sdk.internal.run.ArtifactStore.ExecutionKey;
import dev.updraft.web.execution.ArtifactBodies.ArtifactJson;
import dev.updraft.web.execution.ArtifactBodies.ArtifactList;
import dev.updraft.web.execution.ArtifactBodies.ArtifactRoot;
import dev.updraft.web.execution.ArtifactBodies.BeginExecution;
import dev.updraft.web.execution.ArtifactBodies.ExecutionBegun;
import dev.updraft.web.execution.ArtifactBodies.Outputs;
import dev.updraft.web.execution.ArtifactBodies.RegisterExternal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Component executions and artifacts as remote task runners record them, scoped to the DAG and run
 * of the caller's task instance, on the database's {@link MetadataArtifactStore}.
 */
public final class ArtifactService {
  private final TaskInstanceRepository taskInstances;
  private final MetadataArtifactStore store;
  private final ArtifactTypes types;

  public ArtifactService(
      TaskInstanceRepository taskInstances, MetadataArtifactStore store, ArtifactTypes types) {
    this.taskInstances = taskInstances;
    this.store = store;
    this.types = types;
  }

  /** The artifact root, as seen by this server (runners share its file system for now). */
  public ArtifactRoot root() {
    return new ArtifactRoot(store.artifactRoot().toAbsolutePath().toString());
  }

  /** Records a RUNNING execution of the caller's try. */
  public ExecutionBegun begin(UUID caller, BeginExecution body) {
    TaskInstanceRecord ti = find(caller);
    Map<String, List<Artifact>> inputs = fromJson(body.inputs());
    long id =
        store.beginExecution(
            new ExecutionKey(
                ti.dagId(), ti.runId(), ti.taskId(), body.componentType(), ti.tryNumber()),
            inputs,
            body.parameters() == null ? Map.of() : body.parameters());
    return new ExecutionBegun(id, toJson(inputs));
  }

  /** Publishes an execution's outputs and completes it. */
  public Outputs publish(UUID caller, long executionId, Outputs body) {
    requireOwnExecution(find(caller), executionId);
    Map<String, List<Artifact>> outputs = fromJson(body.outputs());
    store.publishOutputs(executionId, outputs);
    return new Outputs(toJson(outputs));
  }

  /** Marks an execution failed. */
  public void fail(UUID caller, long executionId, String reason) {
    requireOwnExecution(find(caller), executionId);
    store.failExecution(executionId, reason);
  }

  /** What {@code taskId} published as {@code outputKey} in the caller's run. */
  public ArtifactList outputsOf(UUID caller, String taskId, String outputKey) {
    TaskInstanceRecord ti = find(caller);
    return list(store.outputsOf(ti.dagId(), ti.runId(), taskId, outputKey));
  }

  /** The newest LIVE artifacts of {@code typeName} in the caller's pipeline. */
  public ArtifactList latest(UUID caller, String typeName, int limit) {
    TaskInstanceRecord ti = find(caller);
    Class<? extends Artifact> type =
        types
            .classFor(typeName)
            .orElseThrow(
                () -> ApiException.notFound("Artifact type '%s' is not known".formatted(typeName)));
    return list(new ArrayList<>(store.latest(ti.dagId(), type, limit)));
  }

  /** Records (or finds) an artifact outside the pipeline, attributed to the caller's DAG. */
  public ArtifactJson registerExternal(UUID caller, RegisterExternal body) {
    TaskInstanceRecord ti = find(caller);
    Class<? extends Artifact> type =
        types
            .classFor(body.type())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Artifact type '%s' is not known".formatted(body.type())));
    Map<String, Object> properties = body.properties() == null ? Map.of() : body.properties();
    return toJson(store.registerExternal(ti.dagId(), type, body.uri(), properties));
  }

  /** A try may only complete executions of its own task in its own run: 403 otherwise. */
  private void requireOwnExecution(TaskInstanceRecord ti, long executionId) {
    var lineage = store.lineage();
    if (lineage.getExecution(executionId).isEmpty()) {
      throw ApiException.notFound("Execution %d not found".formatted(executionId));
    }
    List<Long> contexts = lineage.contextsOf(executionId);
    boolean own =
        lineage
                .findContext(
                    PipelineContexts.PIPELINE_RUN,
                    PipelineContexts.pipelineRunName(ti.dagId(), ti.runId()))
                .filter(contexts::contains)
                .isPresent()
            && lineage
                .findContext(
                    PipelineContexts.NODE, PipelineContexts.nodeName(ti.dagId(), ti.taskId()))
                .filter(contexts::contains)
                .isPresent();
    if (!own) {
      throw new ApiException(
          403, "Execution %d is not of this task instance".formatted(executionId));
    }
  }

  private TaskInstanceRecord find(UUID id) {
    return taskInstances
        .find(id)
        .orElseThrow(() -> ApiException.notFound("Task Instance not found"));
  }

  private ArtifactList list(List<? extends Artifact> artifacts) {
    return new ArtifactList(artifacts.stream().map(ArtifactService::toJson).toList());
  }

  private Map<String, List<Artifact>> fromJson(Map<String, List<ArtifactJson>> byKey) {
    Map<String, List<Artifact>> artifacts = new LinkedHashMap<>();
    if (byKey != null) {
      byKey.forEach((key, list) -> artifacts.put(key, list.stream().map(this::fromJson).toList()));
    }
    return artifacts;
  }

  private Artifact fromJson(ArtifactJson json) {
    if (json.type() == null || json.type().isBlank()) {
      throw ExecutionJson.invalidParameter("body", "type", "Field required", null);
    }
    // Classes the server does not know become UnknownArtifacts that keep their type name.
    Artifact artifact = types.newArtifact(json.type());
    artifact.setId(json.id());
    artifact.setUri(json.uri());
    if (json.state() != null) {
      artifact.setState(ArtifactState.valueOf(json.state()));
    }
    if (json.properties() != null) {
      json.properties().forEach(artifact::setProperty);
    }
    return artifact;
  }

  private static Map<String, List<ArtifactJson>> toJson(Map<String, List<Artifact>> byKey) {
    Map<String, List<ArtifactJson>> json = new LinkedHashMap<>();
    byKey.forEach(
        (key, list) -> json.put(key, list.stream().map(ArtifactService::toJson).toList()));
    return json;
  }

  static ArtifactJson toJson(Artifact artifact) {
    String type =
        artifact instanceof UnknownArtifact unknown
            ? unknown.storedTypeName()
            : artifact.typeName();
    return new ArtifactJson(
        artifact.id(),
        type,
        artifact.uri(),
        artifact.state().name(),
        new LinkedHashMap<>(artifact.properties()));
  }
}
