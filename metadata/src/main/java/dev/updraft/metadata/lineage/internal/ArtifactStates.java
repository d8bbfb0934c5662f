package dev.updraft.metadata.lineage.internal;

import dev.updraft.sdk.artifact.ArtifactState;

/** The SDK's artifact states as ML Metadata numbers them in {@code artifact.state}. */
public final class ArtifactStates {
  private ArtifactStates() {}

  public static int code(ArtifactState state) {
    return switch (state) {
      case PENDING -> 1;
      case LIVE -> 2;
      case MARKED_FOR_DELETION -> 3;
      case DELETED -> 4;
    };
  }

  public static ArtifactState ofCode(int code) {
    return switch (code) {
      case 1 -> ArtifactState.PENDING;
      case 2 -> ArtifactState.LIVE;
      case 3 -> ArtifactState.MARKED_FOR_DELETION;
      case 4 -> ArtifactState.DELETED;
      default -> throw new IllegalArgumentException("unknown artifact state " + code);
    };
  }
}
