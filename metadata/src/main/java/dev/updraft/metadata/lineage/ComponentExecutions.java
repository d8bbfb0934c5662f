package dev.updraft.metadata.lineage;

import dev.updraft.sdk.internal.run.ArtifactStore.ExecutionKey;

/**
 * Component executions as the runtime records them: one execution type per component type, with
 * where the execution ran as typed properties (component parameters become custom properties).
 */
final class ComponentExecutions {
  static final String PIPELINE_NAME = "pipeline_name";
  static final String RUN_ID = "run_id";
  static final String NODE_ID = "node_id";
  static final String TRY_NUMBER = "try_number";

  private ComponentExecutions() {}

  static TypeDefinition type(String componentType) {
    return TypeDefinition.executionType(componentType)
        .withProperty(PIPELINE_NAME, PropertyType.STRING)
        .withProperty(RUN_ID, PropertyType.STRING)
        .withProperty(NODE_ID, PropertyType.STRING)
        .withProperty(TRY_NUMBER, PropertyType.INT);
  }

  static ExecutionRecord running(ExecutionKey key) {
    return ExecutionRecord.of(key.componentType(), ExecutionState.RUNNING)
        .withProperty(PIPELINE_NAME, key.dagId())
        .withProperty(RUN_ID, key.runId())
        .withProperty(NODE_ID, key.taskId())
        .withProperty(TRY_NUMBER, key.tryNumber());
  }
}
