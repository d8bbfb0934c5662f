package dev.updraft.runner.internal;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactType;

/**
 * An artifact read back whose type no class in the runner is known for; it keeps the type name it
 * was recorded with, so that it is sent back under that name.
 */
@ArtifactType("Unknown")
public final class RemoteArtifact extends Artifact {
  private final String storedTypeName;

  public RemoteArtifact(String storedTypeName) {
    this.storedTypeName = storedTypeName;
  }

  /** The type name to send for {@code artifact}. */
  public static String typeNameOf(Artifact artifact) {
    return artifact instanceof RemoteArtifact remote ? remote.storedTypeName : artifact.typeName();
  }

  @Override
  public String toString() {
    return storedTypeName + "(id=" + id() + ", uri=" + uri() + ", state=" + state() + ")";
  }
}
