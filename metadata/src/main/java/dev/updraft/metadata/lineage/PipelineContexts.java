package dev.updraft.metadata.lineage;

import java.util.List;

/**
 * The three contexts of a component execution, as TFX keeps them: the pipeline (the DAG), the
 * pipeline run (a DAG run, child of the pipeline) and the node (a task, child of the pipeline).
 *
 * <p>Names join ids with {@code /}, which Airflow's DAG ids cannot contain, so that they stay
 * unambiguous: TFX's {@code pipeline.node} would give DAG {@code a} task {@code b.c} (a task group)
 * and DAG {@code a.b} task {@code c} one node context.
 *
 * @param pipelineId the {@code pipeline} context, named by the DAG id
 * @param pipelineRunId the {@code pipeline_run} context, named {@code dag_id/run_id}
 * @param nodeId the {@code node} context, named {@code dag_id/task_id}
 */
public record PipelineContexts(long pipelineId, long pipelineRunId, long nodeId) {
  public static final String PIPELINE = "pipeline";
  public static final String PIPELINE_RUN = "pipeline_run";
  public static final String NODE = "node";

  /** The context types, with the properties TFX gives them. */
  static final List<TypeDefinition> TYPES =
      List.of(
          TypeDefinition.contextType(PIPELINE),
          TypeDefinition.contextType(PIPELINE_RUN)
              .withProperty("pipeline_name", PropertyType.STRING)
              .withProperty("run_id", PropertyType.STRING),
          TypeDefinition.contextType(NODE)
              .withProperty("pipeline_name", PropertyType.STRING)
              .withProperty("node_id", PropertyType.STRING));

  /** All three ids: pipeline, run, node. */
  public List<Long> ids() {
    return List.of(pipelineId, pipelineRunId, nodeId);
  }

  public static String pipelineRunName(String dagId, String runId) {
    return dagId + "/" + runId;
  }

  public static String nodeName(String dagId, String taskId) {
    return dagId + "/" + taskId;
  }

  static ContextRecord pipeline(String dagId) {
    return ContextRecord.of(PIPELINE, dagId);
  }

  static ContextRecord pipelineRun(String dagId, String runId) {
    return ContextRecord.of(PIPELINE_RUN, pipelineRunName(dagId, runId))
        .withProperty("pipeline_name", dagId)
        .withProperty("run_id", runId);
  }

  static ContextRecord node(String dagId, String taskId) {
    return ContextRecord.of(NODE, nodeName(dagId, taskId))
        .withProperty("pipeline_name", dagId)
        .withProperty("node_id", taskId);
  }
}
