package dev.updraft.metadata.lineage;

import dev.updraft.metadata.lineage.internal.PropertyValues;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An artifact as ML Metadata records it. {@code properties} are those its type declares (checked
 * against their data types); {@code customProperties} are free. Values are normalized (see {@link
 * PropertyType}); the times are set by the store.
 *
 * @param id the store's id, or {@code null} for one not yet recorded
 * @param typeName the artifact type's name
 * @param uri where the payload lives
 * @param state the life-cycle state
 * @param name a name unique within the type, or {@code null}
 * @param externalId an id unique across artifacts from another system, or {@code null}
 * @param properties typed properties
 * @param customProperties custom properties
 * @param createTimeSinceEpoch when it was recorded, epoch milliseconds (0 before)
 * @param lastUpdateTimeSinceEpoch when it last changed, epoch milliseconds (0 before)
 */
public record ArtifactRecord(
    Long id,
    String typeName,
    String uri,
    ArtifactState state,
    String name,
    String externalId,
    Map<String, Object> properties,
    Map<String, Object> customProperties,
    long createTimeSinceEpoch,
    long lastUpdateTimeSinceEpoch) {

  public ArtifactRecord {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(state, "state");
    properties = PropertyValues.copy(properties);
    customProperties = PropertyValues.copy(customProperties);
  }

  /** A new LIVE artifact of {@code typeName} at {@code uri}, without properties. */
  public static ArtifactRecord of(String typeName, String uri) {
    return new ArtifactRecord(
        null, typeName, uri, ArtifactState.LIVE, null, null, Map.of(), Map.of(), 0, 0);
  }

  /** A reference to the recorded artifact {@code id} (for use as an input). */
  public static ArtifactRecord ref(long id, String typeName) {
    return of(typeName, null).withId(id);
  }

  public ArtifactRecord withId(Long newId) {
    return new ArtifactRecord(
        newId,
        typeName,
        uri,
        state,
        name,
        externalId,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  public ArtifactRecord withState(ArtifactState newState) {
    return new ArtifactRecord(
        id,
        typeName,
        uri,
        newState,
        name,
        externalId,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  public ArtifactRecord withName(String newName) {
    return new ArtifactRecord(
        id,
        typeName,
        uri,
        state,
        newName,
        externalId,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  public ArtifactRecord withExternalId(String newExternalId) {
    return new ArtifactRecord(
        id,
        typeName,
        uri,
        state,
        name,
        newExternalId,
        properties,
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  /** With the typed property {@code name} set to {@code value}. */
  public ArtifactRecord withProperty(String propertyName, Object value) {
    return new ArtifactRecord(
        id,
        typeName,
        uri,
        state,
        name,
        externalId,
        put(properties, propertyName, value),
        customProperties,
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  /** With the custom property {@code name} set to {@code value}. */
  public ArtifactRecord withCustomProperty(String propertyName, Object value) {
    return new ArtifactRecord(
        id,
        typeName,
        uri,
        state,
        name,
        externalId,
        properties,
        put(customProperties, propertyName, value),
        createTimeSinceEpoch,
        lastUpdateTimeSinceEpoch);
  }

  /** Typed and custom properties together (a typed one wins a clash), in stored order. */
  public Map<String, Object> allProperties() {
    Map<String, Object> all = new LinkedHashMap<>(customProperties);
    all.putAll(properties);
    return all;
  }

  static Map<String, Object> put(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
