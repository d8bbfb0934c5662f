package dev.updraft.metadata.lineage;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactType;

/**
 * An artifact read back whose type no Java class is registered for (a type another process
 * recorded). It keeps its id, URI, state and properties; {@link #storedTypeName()} is the type it
 * was recorded with. Used as an input it is referenced by id, so its type stays as recorded.
 */
@ArtifactType("Unknown")
public class UnknownArtifact extends Artifact {
  private String storedTypeName = "Unknown";

  /** The type name the store recorded the artifact with. */
  public String storedTypeName() {
    return storedTypeName;
  }

  void setStoredTypeName(String typeName) {
    this.storedTypeName = typeName;
  }

  @Override
  public String toString() {
    return storedTypeName + "(id=" + id() + ", uri=" + uri() + ", state=" + state() + ")";
  }
}
