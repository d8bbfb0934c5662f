package dev.updraft.metadata.lineage;

import dev.updraft.metadata.lineage.internal.PropertyValues;
import java.util.Map;
import java.util.Objects;

/**
 * A context (a grouping of artifacts and executions: a pipeline, a run, a node) as ML Metadata
 * records it. Its name is unique within its type.
 *
 * @param id the store's id, or {@code null} for one not yet recorded
 * @param typeName the context type's name
 * @param name the name, unique within the type
 * @param properties typed properties
 * @param customProperties custom properties
 * @param createTimeSinceEpoch when it was recorded, epoch milliseconds (0 before)
 * @param lastUpdateTimeSinceEpoch when it last changed, epoch milliseconds (0 before)
 */
public record ContextRecord(
    Long id,
    String typeName,
    String name,
    Map<String, Object> properties,
    Map<String, Object> customProperties,
    long createTimeSinceEpoch,
    long lastUpdateTimeSinceEpoch) {

  public ContextRecord {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(name, "name");
    properties = PropertyValues.copy(properties);
    customProperties = PropertyValues.copy(customProperties);
  }

  /** A new context of {@code typeName} named {@code name}, without properties. */
  public static ContextRecord of(String typeName, String name) {
    return new ContextRecord(null, typeName, name, Map.of(), Map.of(), 0, 0);
  }

  /** With the typed property {@code name} set to {@code value}. */
  public ContextRecord withProperty(String propertyName, Object value) {
    return new ContextRecord(
        id,
        typeName,
        name,
        ArtifactRecord.put(properties, propertyName, value),
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }
}
