package dev.updraft.sdk.artifact;

/** A preprocessing graph fitted on training data (Transform's output). */
@ArtifactType("TransformGraph")
public class TransformGraph extends Artifact {}
