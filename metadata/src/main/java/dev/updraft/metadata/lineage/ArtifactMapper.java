package dev.updraft.metadata.lineage;

import dev.updraft.metadata.lineage.internal.PropertyValues;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between the SDK's {@link Artifact} objects and the store's {@link ArtifactRecord}s. */
final class ArtifactMapper {
  private final ArtifactTypes types;

  ArtifactMapper(ArtifactTypes types) {
    this.types = types;
  }

  /** The type name an artifact is stored under (an unknown one keeps the name it was read with). */
  static String typeNameOf(Artifact artifact) {
    return artifact instanceof UnknownArtifact unknown
        ? unknown.storedTypeName()
        : artifact.typeName();
  }

  /**
   * The record of {@code artifact} in {@code state}: properties its type declares with a matching
   * data type are typed, the others custom.
   */
  ArtifactRecord toRecord(Artifact artifact, ArtifactState state) {
    String typeName = typeNameOf(artifact);
    Map<String, PropertyType> declared = types.definition(typeName).properties();
    Map<String, Object> typed = new LinkedHashMap<>();
    Map<String, Object> custom = new LinkedHashMap<>();
    artifact
        .properties()
        .forEach(
            (name, value) -> {
              if (value == null) {
                return;
              }
              Object stored = PropertyValues.storable(value);
              boolean isTyped = declared.get(name) == PropertyValues.typeOf(stored);
              (isTyped ? typed : custom).put(name, stored);
            });
    return new ArtifactRecord(
        artifact.id(), typeName, artifact.uri(), state, null, null, typed, custom, 0, 0);
  }

  /** A new object of the record's registered class (or an {@link UnknownArtifact}). */
  Artifact toArtifact(ArtifactRecord record) {
    return fill(types.newArtifact(record.typeName()), record);
  }

  /** A new object of {@code type}, or of the registered class when that is a {@code type} too. */
  <T extends Artifact> T toArtifact(ArtifactRecord record, Class<T> type) {
    Class<? extends Artifact> registered = types.classFor(record.typeName()).orElse(type);
    Class<? extends Artifact> chosen = type.isAssignableFrom(registered) ? registered : type;
    return type.cast(fill(Artifact.create(chosen), record));
  }

  /** Copies a stored record's id, state and properties back onto the caller's object. */
  static void copyBack(Artifact artifact, long id, ArtifactState state) {
    artifact.setId(id);
    artifact.setState(state);
  }

  private static Artifact fill(Artifact artifact, ArtifactRecord record) {
    artifact.setId(record.id());
    artifact.setUri(record.uri());
    artifact.setState(record.state());
    record.allProperties().forEach(artifact::setProperty);
    return artifact;
  }
}
