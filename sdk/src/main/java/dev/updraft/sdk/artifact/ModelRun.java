package dev.updraft.sdk.artifact;

/** The logs and summaries of one training run (Trainer's output). */
@ArtifactType("ModelRun")
public class ModelRun extends Artifact {}
