package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.metadata.lineage.EventType;
import dev.updraft.metadata.lineage.ExecutionRecord;
import dev.updraft.metadata.lineage.ExecutionState;
import dev.updraft.metadata.lineage.RecordedExecution;
import dev.updraft.metadata.lineage.TypeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Records executions with their artifacts, events, attributions and associations, each call in one
 * transaction. On PostgreSQL a new execution costs three round trips: the inserts whose ids are
 * needed (the execution, its new artifacts), then every other insert together ({@link
 * InsertGroup}), then the commit. Types are resolved before the transaction starts (from the cache,
 * mostly), so a retried transaction repeats only the writes.
 */
public final class ExecutionRecorder {
  private final MetadataDatabase db;
  private final TypeStore types;

  public ExecutionRecorder(MetadataDatabase db, TypeStore types) {
    this.db = db;
    this.types = types;
  }

  /** A new execution with its inputs and outputs; artifacts without an id are created. */
  public RecordedExecution record(
      ExecutionRecord execution,
      Map<String, List<ArtifactRecord>> inputs,
      Map<String, List<ArtifactRecord>> outputs,
      Collection<Long> contextIds) {
    if (execution.id() != null) {
      throw new IllegalArgumentException(
          "execution " + execution.id() + " is recorded already: publish it instead");
    }
    ResolvedType type =
        types.checked(TypeKind.EXECUTION, execution.typeName(), execution.properties());
    Plan in = plan(inputs);
    Plan out = plan(outputs);
    List<Long> contexts = List.copyOf(new LinkedHashSet<>(contextIds));
    return db.inTransaction(
        h -> {
          long now = System.currentTimeMillis();
          InsertGroup later = new InsertGroup(db.dialect());
          List<ArtifactWriter.NewArtifact> created = new ArrayList<>(in.created());
          created.addAll(out.created());
          // The execution and the new artifacts: the only statements whose ids are needed.
          List<List<Long>> ids =
              ReturningIds.execute(
                  h,
                  db.dialect(),
                  List.of(
                      ExecutionWriter.row(type.id(), execution, now),
                      ArtifactWriter.rows(created, now)));
          long executionId = ids.get(0).get(0);
          later.add(ExecutionWriter.properties(executionId, execution));
          later.add(ArtifactWriter.properties(ids.get(1), created));
          return link(h, executionId, in, out, ids.get(1), contexts, now, later);
        });
  }

  /**
   * Adds outputs to a running execution and moves it to {@code state}; the outputs are attributed
   * to the contexts the execution is associated with.
   */
  public Map<String, List<Long>> publish(
      long executionId,
      Map<String, List<ArtifactRecord>> outputs,
      ExecutionState state,
      Map<String, Object> customProperties) {
    Plan out = plan(outputs);
    Map<String, Object> custom = PropertyValues.copy(customProperties);
    return db.inTransaction(
        h -> {
          long now = System.currentTimeMillis();
          // The state change comes first: it locks the execution's row for the whole publish.
          if (!ExecutionWriter.transition(h, executionId, state, custom, now)) {
            throw new IllegalStateException(
                "execution " + executionId + " is already " + state + ": published once");
          }
          List<Long> contexts = ContextStore.ofExecution(h, executionId);
          InsertGroup later = new InsertGroup(db.dialect());
          List<Long> created = ArtifactWriter.insert(h, out.created(), now, later);
          return link(h, executionId, Plan.EMPTY, out, created, contexts, now, later).outputIds();
        });
  }

  /**
   * Moves an unfinished execution to {@code state}, merging {@code customProperties}, in one
   * transaction; {@code false} when it was in that state already.
   */
  public boolean transition(
      long executionId, ExecutionState state, Map<String, Object> customProperties) {
    return db.inTransaction(
        h ->
            ExecutionWriter.transition(
                h, executionId, state, customProperties, System.currentTimeMillis()));
  }

  /**
   * Writes the events, attributions and associations of an execution whose new artifacts got {@code
   * createdIds}, with what {@code later} holds already: one more round trip on PostgreSQL.
   */
  private static RecordedExecution link(
      Handle h,
      long executionId,
      Plan in,
      Plan out,
      List<Long> createdIds,
      List<Long> contexts,
      long now,
      InsertGroup later) {
    Map<String, List<Long>> inputIds = in.ids(createdIds.subList(0, in.created().size()));
    Map<String, List<Long>> outputIds =
        out.ids(createdIds.subList(in.created().size(), createdIds.size()));
    List<EventWriter.NewEvent> events = new ArrayList<>();
    addEvents(events, executionId, EventType.INPUT, inputIds);
    addEvents(events, executionId, EventType.OUTPUT, outputIds);
    EventWriter.insert(h, events, now, later);
    Set<Long> artifactIds = new LinkedHashSet<>();
    inputIds.values().forEach(artifactIds::addAll);
    outputIds.values().forEach(artifactIds::addAll);
    EventWriter.attribute(later, contexts, artifactIds);
    EventWriter.associate(later, contexts, List.of(executionId));
    later.execute(h);
    return new RecordedExecution(executionId, inputIds, outputIds);
  }

  private static void addEvents(
      List<EventWriter.NewEvent> events,
      long executionId,
      EventType type,
      Map<String, List<Long>> idsByKey) {
    idsByKey.forEach(
        (key, ids) -> {
          for (int i = 0; i < ids.size(); i++) {
            events.add(new EventWriter.NewEvent(ids.get(i), executionId, type, key, i));
          }
        });
  }

  /** Resolves the artifacts' types and checks their typed properties, before any transaction. */
  private Plan plan(Map<String, List<ArtifactRecord>> artifactsByKey) {
    if (artifactsByKey.isEmpty()) {
      return Plan.EMPTY;
    }
    Map<String, List<ArtifactRecord>> byKey = new LinkedHashMap<>();
    List<ArtifactWriter.NewArtifact> created = new ArrayList<>();
    artifactsByKey.forEach(
        (key, artifacts) -> {
          byKey.put(key, List.copyOf(artifacts));
          for (ArtifactRecord artifact : artifacts) {
            if (artifact.id() == null) {
              ResolvedType type =
                  types.checked(TypeKind.ARTIFACT, artifact.typeName(), artifact.properties());
              created.add(new ArtifactWriter.NewArtifact(artifact, type.id()));
            }
          }
        });
    return new Plan(byKey, created);
  }

  /** Artifacts by key; those without ids are created, in the order of {@code created}. */
  private record Plan(
      Map<String, List<ArtifactRecord>> byKey, List<ArtifactWriter.NewArtifact> created) {
    static final Plan EMPTY = new Plan(Map.of(), List.of());

    Map<String, List<Long>> ids(List<Long> createdIds) {
      Map<String, List<Long>> ids = new LinkedHashMap<>();
      int next = 0;
      for (Map.Entry<String, List<ArtifactRecord>> entry : byKey.entrySet()) {
        List<Long> keyIds = new ArrayList<>(entry.getValue().size());
        for (ArtifactRecord artifact : entry.getValue()) {
          keyIds.add(artifact.id() != null ? artifact.id() : createdIds.get(next++));
        }
        ids.put(entry.getKey(), List.copyOf(keyIds));
      }
      return ids;
    }
  }
}
