package dev.updraft.sdk.artifact;

/** Statistics computed over examples, per split (StatisticsGen's output). */
@ArtifactType("ExampleStatistics")
public class ExampleStatistics extends Artifact {}
