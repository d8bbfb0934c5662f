package dev.updraft.metadata.lineage;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.internal.ArtifactRecorder;
import dev.updraft.metadata.lineage.internal.ContextStore;
import dev.updraft.metadata.lineage.internal.ExecutionRecorder;
import dev.updraft.metadata.lineage.internal.LineageQueries;
import dev.updraft.metadata.lineage.internal.LineageWalker;
import dev.updraft.metadata.lineage.internal.NodeReader;
import dev.updraft.metadata.lineage.internal.PropertyValues;
import dev.updraft.metadata.lineage.internal.ResolvedType;
import dev.updraft.metadata.lineage.internal.TypeStore;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ML lineage in ML Metadata's shape, on the metadata database: typed artifacts, executions and
 * contexts, the events between artifacts and executions, and the attributions and associations that
 * group them.
 *
 * <p>Every write is one transaction. Writes never replace a whole record read earlier: states
 * change by a single update and properties merge under the owner's row lock, so concurrent writers
 * do not lose each other's updates. Type and context ids are cached (neither is ever deleted); a
 * store is meant to live as long as its database.
 *
 * <p>Artifacts with an id, given to {@link #recordExecution} or {@link #publishExecution}, are
 * referenced as they are; artifacts without one are created. Types named by records are the
 * unversioned ones; they are created without properties when missing (declare typed properties with
 * {@link #putType} first).
 */
public final class LineageStore {
  private final MetadataDatabase db;
  private final TypeStore types;
  private final ContextStore contexts;
  private final ExecutionRecorder executions;
  private final ArtifactRecorder artifacts;

  public LineageStore(MetadataDatabase db) {
    this.db = db;
    this.types = new TypeStore(db);
    this.contexts = new ContextStore(db, types);
    this.executions = new ExecutionRecorder(db, types);
    this.artifacts = new ArtifactRecorder(db, types);
  }

  public MetadataDatabase database() {
    return db;
  }

  // ---- Types

  /**
   * Gets or creates a type; an existing type gains the properties and parents it lacks. A property
   * already declared with another data type is an {@link IllegalArgumentException}.
   *
   * @return the type's id
   */
  public long putType(TypeDefinition definition) {
    return types.put(definition).id();
  }

  /** The unversioned type {@code name} of {@code kind}, with its properties and parents. */
  public Optional<TypeDefinition> type(TypeKind kind, String name) {
    return types.definition(kind, name, null);
  }

  // ---- Contexts

  /**
   * Gets or creates the context of the record's type and name (a new one with its properties, as a
   * child of {@code parentIds}); its id.
   */
  public long putContext(ContextRecord context, Collection<Long> parentIds) {
    return contexts.getOrCreate(context, parentIds);
  }

  /** The id of an existing context. */
  public Optional<Long> findContext(String typeName, String name) {
    return contexts.find(typeName, name);
  }

  public Optional<ContextRecord> getContext(long id) {
    return db.withHandle(h -> NodeReader.contexts(h, List.of(id))).stream().findFirst();
  }

  /** The contexts an execution is associated with. */
  public List<Long> contextsOf(long executionId) {
    return db.withHandle(h -> ContextStore.ofExecution(h, executionId));
  }

  /** The parents of a context. */
  public List<Long> parentContextsOf(long contextId) {
    return db.withHandle(h -> ContextStore.parentsOf(h, contextId));
  }

  /** Gets or creates the pipeline, pipeline-run and node contexts of a task in a DAG run. */
  public PipelineContexts pipelineContexts(String dagId, String runId, String taskId) {
    PipelineContexts.TYPES.forEach(types::put);
    long pipeline = contexts.getOrCreate(PipelineContexts.pipeline(dagId), List.of());
    long run = contexts.getOrCreate(PipelineContexts.pipelineRun(dagId, runId), List.of(pipeline));
    long node = contexts.getOrCreate(PipelineContexts.node(dagId, taskId), List.of(pipeline));
    return new PipelineContexts(pipeline, run, node);
  }

  // ---- Artifacts

  /** Records a new artifact (its id must be null); its id. */
  public long putArtifact(ArtifactRecord artifact) {
    return putArtifacts(List.of(artifact), List.of()).get(0);
  }

  /**
   * Records new artifacts in one transaction of batched inserts, attributed to {@code contextIds};
   * their ids, in order.
   */
  public List<Long> putArtifacts(List<ArtifactRecord> records, Collection<Long> contextIds) {
    return artifacts.put(records, contextIds);
  }

  /** Sets an artifact's state in one statement; whether the artifact exists. */
  public boolean updateArtifactState(long artifactId, ArtifactState state) {
    return artifacts.updateState(artifactId, state);
  }

  /**
   * Sets the given properties of an artifact, keeping its others; concurrent callers on one
   * artifact take turns.
   *
   * @throws IllegalArgumentException when there is no such artifact, or a typed property is not
   *     declared by its type
   */
  public void setArtifactProperties(
      long artifactId, Map<String, ?> properties, Map<String, ?> customProperties) {
    artifacts.mergeProperties(
        artifactId, PropertyValues.copy(properties), PropertyValues.copy(customProperties));
  }

  /**
   * The newest LIVE artifact of the record's type at its URI, else the record created (LIVE);
   * either way attributed to {@code contextIds}. Concurrent calls for one type take turns, so one
   * URI is registered once.
   */
  public ArtifactRecord findOrRegister(ArtifactRecord artifact, Collection<Long> contextIds) {
    return getArtifact(artifacts.findOrRegister(artifact, contextIds)).orElseThrow();
  }

  public Optional<ArtifactRecord> getArtifact(long id) {
    return getArtifacts(List.of(id)).stream().findFirst();
  }

  /** The artifacts of {@code ids} that exist, ordered by id. */
  public List<ArtifactRecord> getArtifacts(Collection<Long> ids) {
    return db.withHandle(h -> NodeReader.artifacts(h, ids));
  }

  // ---- Executions

  /**
   * Records a new execution with its input and output artifacts (creating those without an id),
   * INPUT and OUTPUT events whose paths are the key and the index in its list, and attributes the
   * artifacts and associates the execution to {@code contextIds}: all in one transaction of batched
   * statements.
   */
  public RecordedExecution recordExecution(
      ExecutionRecord execution,
      Map<String, List<ArtifactRecord>> inputs,
      Map<String, List<ArtifactRecord>> outputs,
      Collection<Long> contextIds) {
    return executions.record(execution, inputs, outputs, contextIds);
  }

  /**
   * Adds outputs to an unfinished execution, with OUTPUT events and attributions to the contexts it
   * is associated with, and moves it to {@code state} (merging {@code customProperties}), in one
   * transaction; the output ids by key.
   *
   * @throws IllegalStateException when the execution already finished
   */
  public Map<String, List<Long>> publishExecution(
      long executionId,
      Map<String, List<ArtifactRecord>> outputs,
      ExecutionState state,
      Map<String, ?> customProperties) {
    return executions.publish(executionId, outputs, state, PropertyValues.copy(customProperties));
  }

  /**
   * Moves an unfinished execution to {@code state}, merging {@code customProperties}, in one
   * transaction.
   *
   * @return {@code false} when it already was in {@code state}
   * @throws IllegalStateException when it already finished in another state
   */
  public boolean updateExecutionState(
      long executionId, ExecutionState state, Map<String, ?> customProperties) {
    return executions.transition(executionId, state, PropertyValues.copy(customProperties));
  }

  public Optional<ExecutionRecord> getExecution(long id) {
    return db.withHandle(h -> NodeReader.executions(h, List.of(id))).stream().findFirst();
  }

  /** An execution's outputs (in any state) by key, each list in index order. */
  public Map<String, List<ArtifactRecord>> outputsOf(long executionId) {
    return db.withHandle(h -> NodeReader.artifactsByKey(h, executionId, false));
  }

  /** An execution's inputs by key, each list in index order. */
  public Map<String, List<ArtifactRecord>> inputsOf(long executionId) {
    return db.withHandle(h -> NodeReader.artifactsByKey(h, executionId, true));
  }

  /** The newest COMPLETE execution of a node in a run (both contexts). */
  public Optional<Long> latestCompleteExecution(long pipelineRunContextId, long nodeContextId) {
    return db.withHandle(
        h -> LineageQueries.latestComplete(h, pipelineRunContextId, nodeContextId));
  }

  // ---- Queries

  /** The lineage subgraph within {@code maxHops} events of an artifact. */
  public LineageGraph lineageOfArtifact(long artifactId, Direction direction, int maxHops) {
    return db.withHandle(h -> LineageWalker.walk(h, true, artifactId, direction, maxHops));
  }

  /** The lineage subgraph within {@code maxHops} events of an execution. */
  public LineageGraph lineageOfExecution(long executionId, Direction direction, int maxHops) {
    return db.withHandle(h -> LineageWalker.walk(h, false, executionId, direction, maxHops));
  }

  /** The newest (highest id) LIVE artifact of a type attributed to a context. */
  public Optional<ArtifactRecord> latestArtifact(String typeName, long contextId) {
    return latestArtifacts(typeName, contextId, 1).stream().findFirst();
  }

  /** The newest LIVE artifacts of a type attributed to a context, newest first. */
  public List<ArtifactRecord> latestArtifacts(String typeName, long contextId, int limit) {
    Optional<ResolvedType> type = types.find(TypeKind.ARTIFACT, typeName);
    if (type.isEmpty() || limit <= 0) {
      return List.of();
    }
    return db.withHandle(
        h ->
            NodeReader.artifactsInOrder(
                h, LineageQueries.latestArtifacts(h, type.get().id(), contextId, limit)));
  }

  /**
   * The newest LIVE {@code Model} attributed to the pipeline that a LIVE {@code ModelBlessing} of
   * the pipeline blesses ({@code blessed} = 1 and {@code current_model_id} = the model's id).
   * "Newest" is the highest artifact id: TFX's {@code LatestBlessedModelStrategy} orders models by
   * id, not by time.
   */
  public Optional<ArtifactRecord> latestBlessedModel(String pipelineName) {
    Optional<ResolvedType> model = types.find(TypeKind.ARTIFACT, "Model");
    Optional<ResolvedType> blessing = types.find(TypeKind.ARTIFACT, "ModelBlessing");
    Optional<Long> pipeline = contexts.find(PipelineContexts.PIPELINE, pipelineName);
    if (model.isEmpty() || blessing.isEmpty() || pipeline.isEmpty()) {
      return Optional.empty();
    }
    return db.withHandle(
        h ->
            LineageQueries.latestBlessedModel(
                    h, model.get().id(), blessing.get().id(), pipeline.get())
                .flatMap(id -> NodeReader.artifacts(h, List.of(id)).stream().findFirst()));
  }

  /**
   * The newest COMPLETE or CACHED execution with this cache fingerprint whose outputs are all still
   * LIVE; as TFX's cache lookup, an older match serves when a newer one lost an output.
   */
  public Optional<ExecutionRecord> findCached(String fingerprint) {
    return db.withHandle(
        h ->
            LineageQueries.findCached(h, fingerprint)
                .flatMap(id -> NodeReader.executions(h, List.of(id)).stream().findFirst()));
  }
}
