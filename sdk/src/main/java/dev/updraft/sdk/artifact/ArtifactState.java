package dev.updraft.sdk.artifact;

/** An artifact's life-cycle state, as ML Metadata names it. */
public enum ArtifactState {
  /** Being written by a running execution. */
  PENDING,
  /** Published and readable. */
  LIVE,
  /** To be garbage-collected. */
  MARKED_FOR_DELETION,
  /** Its payload is gone; the record stays for lineage. */
  DELETED
}
