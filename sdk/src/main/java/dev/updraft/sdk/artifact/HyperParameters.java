package dev.updraft.sdk.artifact;

/** Chosen hyper-parameters (a tuner's output, a trainer's input). */
@ArtifactType("HyperParameters")
public class HyperParameters extends Artifact {}
