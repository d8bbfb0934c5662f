package dev.updraft.sdk.artifact;

/** Where examples break their schema (ExampleValidator's output). */
@ArtifactType("ExampleAnomalies")
public class ExampleAnomalies extends Artifact {}
