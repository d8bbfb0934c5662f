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
 * transaction of a few batched statements. Types are resolved before the transaction starts (from
 * the cache, mostly), so a retried transaction repeats only the writes.
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
    ResolvedType type = checked(TypeKind.EXECUTION, execution.typeName(), execution.properties());
    Plan in = plan(inputs);
    Plan out = plan(outputs);
    List<Long> contexts = List.copyOf(new LinkedHashSet<>(contextIds));
    return db.inTransaction(
        h -> {
          long now = System.currentTimeMillis();
          long executionId = ExecutionWriter.insert(h, type.id(), execution, now);
          return link(h, executionId, in, out, contexts, now);
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
          return link(h, executionId, Plan.EMPTY, out, contexts, now).outputIds();
        });
  }

  private RecordedExecution link(
      Handle h, long executionId, Plan in, Plan out, List<Long> contexts, long now) {
    List<ArtifactWriter.NewArtifact> created = new ArrayList<>(in.created());
    created.addAll(out.created());
    List<Long> createdIds = ArtifactWriter.insert(h, created, now);
    Map<String, List<Long>> inputIds = in.ids(createdIds.subList(0, in.created().size()));
    Map<String, List<Long>> outputIds =
        out.ids(createdIds.subList(in.created().size(), createdIds.size()));
    List<EventWriter.NewEvent> events = new ArrayList<>();
    addEvents(events, executionId, EventType.INPUT, inputIds);
    addEvents(events, executionId, EventType.OUTPUT, outputIds);
    EventWriter.insert(h, events, now);
    Set<Long> artifactIds = new LinkedHashSet<>();
    inputIds.values().forEach(artifactIds::addAll);
    outputIds.values().forEach(artifactIds::addAll);
    EventWriter.attribute(h, contexts, artifactIds);
    EventWriter.associate(h, contexts, List.of(executionId));
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
                  checked(TypeKind.ARTIFACT, artifact.typeName(), artifact.properties());
              created.add(new ArtifactWriter.NewArtifact(artifact, type.id()));
            }
          }
        });
    return new Plan(byKey, created);
  }

  /** The type, its declaration re-read once if the cached one lacks a typed property. */
  public ResolvedType checked(TypeKind kind, String typeName, Map<String, Object> typed) {
    ResolvedType type = types.resolve(kind, typeName);
    if (!type.declares(typed)) {
      type = types.refresh(type);
      type.requireDeclares(typed);
    }
    return type;
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
