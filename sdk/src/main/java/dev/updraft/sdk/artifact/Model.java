package dev.updraft.sdk.artifact;

/** A trained model (Trainer's output). */
@ArtifactType("Model")
public class Model extends Artifact {}
