package dev.updraft.sdk.internal.run;

/** Implemented by operator contexts that can run components: they reach an artifact store. */
public interface ComponentRuntime {
  ArtifactStore artifactStore();
}
