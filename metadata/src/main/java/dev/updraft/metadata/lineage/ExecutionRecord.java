package dev.updraft.metadata.lineage;

import dev.updraft.metadata.lineage.internal.PropertyValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An execution as ML Metadata records it (see {@link ArtifactRecord} for properties and times).
 *
 * @param id the store's id, or {@code null} for one not yet recorded
 * @param typeName the execution type's name (the component type)
 * @param state the last known state
 * @param name a name unique within the type, or {@code null}
 * @param cacheFingerprint what identifies equivalent executions for caching, or {@code null}
 * @param properties typed properties
 * @param customProperties custom properties
 * @param createTimeSinceEpoch when it was recorded, epoch milliseconds (0 before)
 * @param lastUpdateTimeSinceEpoch when it last changed, epoch milliseconds (0 before)
 */
public record ExecutionRecord(
    Long id,
    String typeName,
    ExecutionState state,
    String name,
    String cacheFingerprint,
    Map<String, Object> properties,
    Map<String, Object> customProperties,
    long createTimeSinceEpoch,
    long lastUpdateTimeSinceEpoch) {

  public ExecutionRecord {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(state, "state");
    properties = PropertyValues.copy(properties);
    customProperties = PropertyValues.copy(customProperties);
  }

  /** A new execution of {@code typeName} in {@code state}, without properties. */
  public static ExecutionRecord of(String typeName, ExecutionState state) {
    return new ExecutionRecord(null, typeName, state, null, null, Map.of(), Map.of(), 0, 0);
  }

  public ExecutionRecord withId(Long newId) {
    return new ExecutionRecord(
        newId,
        typeName,
        state,
        name,
        cacheFingerprint,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  public ExecutionRecord withState(ExecutionState newState) {
    return new ExecutionRecord(
        id,
        typeName,
        newState,
        name,
        cacheFingerprint,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  public ExecutionRecord withName(String newName) {
    return new ExecutionRecord(
        id,
        typeName,
        state,
        newName,
        cacheFingerprint,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  public ExecutionRecord withCacheFingerprint(String fingerprint) {
    return new ExecutionRecord(
        id,
        typeName,
        state,
        name,
        fingerprint,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  /** With the typed property {@code name} set to {@code value}. */
  public ExecutionRecord withProperty(String propertyName, Object value) {
    return new ExecutionRecord(
        id,
        typeName,
        state,
        name,
        cacheFingerprint,
        ArtifactRecord.put(properties, propertyName, value),
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  /** With the custom property {@code name} set to {@code value}. */
  public ExecutionRecord withCustomProperty(String propertyName, Object value) {
    return new ExecutionRecord(
        id,
        typeName,
        state,
        name,
        cacheFingerprint,
        properties,
        ArtifactRecord.put(customProperties, propertyName, value),
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  /** With these custom properties added. */
  public ExecutionRecord withCustomProperties(Map<String, ?> more) {
    Map<String, Object> merged = new LinkedHashMap<>(customProperties);
    merged.putAll(PropertyValues.copy(more));
    return new ExecutionRecord(
        id,
        typeName,
        state,
        name,
        cacheFingerprint,
        properties,
        merged,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }
}
