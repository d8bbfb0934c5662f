package dev.updraft.metadata.lineage;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ExampleAnomalies;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.artifact.HyperParameters;
import dev.updraft.sdk.artifact.Model;
import dev.updraft.sdk.artifact.ModelBlessing;
import dev.updraft.sdk.artifact.ModelEvaluation;
import dev.updraft.sdk.artifact.ModelRun;
import dev.updraft.sdk.artifact.PushedModel;
import dev.updraft.sdk.artifact.Schema;
import dev.updraft.sdk.artifact.TransformGraph;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Maps artifact type names to Java classes (and the typed properties each type declares), so that
 * artifacts read back are instances of the class they were written as.
 *
 * <p>The SDK's standard types are registered with the properties TFX declares for them. User
 * classes are registered explicitly with {@link #register}, and {@link MetadataArtifactStore}
 * registers every class it writes, so within one process a type written is a type read. A name no
 * class is registered for reads back as an {@link UnknownArtifact} that keeps the stored name:
 * scanning the class path for annotated classes would be slow and still miss classes loaded later
 * from DAG jars, and failing the read would make one unknown artifact break a whole query.
 */
public final class ArtifactTypes {
  private record Entry(Class<? extends Artifact> type, Map<String, PropertyType> properties) {}

  private final ConcurrentMap<String, Entry> byName = new ConcurrentHashMap<>();

  /** A registry with the SDK's standard artifact types. */
  public static ArtifactTypes standard() {
    ArtifactTypes types = new ArtifactTypes();
    Map<String, PropertyType> spanAndSplits =
        Map.of("span", PropertyType.INT, "split_names", PropertyType.STRING);
    types.register(
        Examples.class,
        Map.of(
            "span", PropertyType.INT,
            "version", PropertyType.INT,
            "split_names", PropertyType.STRING));
    types.register(ExampleStatistics.class, spanAndSplits);
    types.register(ExampleAnomalies.class, spanAndSplits);
    types.register(Schema.class, Map.of());
    types.register(TransformGraph.class, Map.of());
    types.register(HyperParameters.class, Map.of());
    types.register(Model.class, Map.of());
    types.register(ModelRun.class, Map.of());
    types.register(ModelEvaluation.class, Map.of());
    types.register(ModelBlessing.class, Map.of());
    types.register(PushedModel.class, Map.of());
    return types;
  }

  /**
   * Registers {@code type} under its {@code @ArtifactType} name, declaring {@code properties} as
   * typed properties of the type (others are stored as custom properties). Replaces an earlier
   * registration of the name.
   */
  public ArtifactTypes register(
      Class<? extends Artifact> type, Map<String, PropertyType> properties) {
    byName.put(Artifact.typeName(type), new Entry(type, Map.copyOf(properties)));
    return this;
  }

  /** Registers {@code type} without typed properties, unless its name is registered already. */
  public void registerIfAbsent(Class<? extends Artifact> type) {
    if (type != UnknownArtifact.class) {
      byName.putIfAbsent(Artifact.typeName(type), new Entry(type, Map.of()));
    }
  }

  /** The class registered for {@code typeName}. */
  public Optional<Class<? extends Artifact>> classFor(String typeName) {
    return Optional.ofNullable(byName.get(typeName)).map(Entry::type);
  }

  /** The store's definition of the type: its name and the typed properties registered with it. */
  public TypeDefinition definition(String typeName) {
    TypeDefinition definition = TypeDefinition.artifactType(typeName);
    Entry entry = byName.get(typeName);
    if (entry != null) {
      for (Map.Entry<String, PropertyType> property : entry.properties().entrySet()) {
        definition = definition.withProperty(property.getKey(), property.getValue());
      }
    }
    return definition;
  }

  /** A new, empty instance for {@code typeName}: of its registered class, else an unknown one. */
  public Artifact newArtifact(String typeName) {
    Entry entry = byName.get(typeName);
    if (entry == null) {
      UnknownArtifact unknown = new UnknownArtifact();
      unknown.setStoredTypeName(typeName);
      return unknown;
    }
    return Artifact.create(entry.type());
  }
}
