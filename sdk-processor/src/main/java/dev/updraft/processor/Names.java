package dev.updraft.processor;

/**
 * Fully-qualified names of the SDK types the processor checks. They are strings, not class
 * literals, so that the processor needs no SDK jar of its own at compile time.
 */
final class Names {
  static final String DAG_DEFINITION = "dev.updraft.sdk.DagDefinition";
  static final String DAG_FACTORY = "dev.updraft.sdk.DagFactory";
  static final String TASK = "dev.updraft.sdk.task.Task";
  static final String COMPONENT = "dev.updraft.sdk.component.Component";
  static final String BASE_COMPONENT = "dev.updraft.sdk.component.BaseComponent";
  static final String COMPONENT_FUNCTION = "dev.updraft.sdk.component.ComponentFunction";
  static final String INPUT_ARTIFACT = "dev.updraft.sdk.component.InputArtifact";
  static final String OUTPUT_ARTIFACT = "dev.updraft.sdk.component.OutputArtifact";
  static final String PARAMETER = "dev.updraft.sdk.component.Parameter";
  static final String ARTIFACT_TYPE = "dev.updraft.sdk.artifact.ArtifactType";
  static final String ARTIFACT = "dev.updraft.sdk.artifact.Artifact";

  private Names() {}
}
