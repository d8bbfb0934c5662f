package dev.updraft.sdk.artifact;

/** The expected shape of examples: features, types, domains (SchemaGen's output). */
@ArtifactType("Schema")
public class Schema extends Artifact {}
