package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.artifact.Artifact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where component executions and their artifacts are recorded, with lineage. In memory for a test
 * run; the metadata store implements it against the database.
 */
public interface ArtifactStore {

  /** The directory under which output artifacts get their URIs. */
  Path artifactRoot();

  /** Records a new RUNNING execution of {@code taskId}'s component with its inputs; its id. */
  long beginExecution(
      ExecutionKey key, Map<String, List<Artifact>> inputs, Map<String, Object> parameters);

  /** Marks the outputs LIVE, records them as the execution's outputs and completes it. */
  void publishOutputs(long executionId, Map<String, List<Artifact>> outputs);

  /** Marks the execution FAILED; its PENDING outputs are never published. */
  void failExecution(long executionId, String reason);

  /** The LIVE artifacts {@code taskId} published as {@code outputKey} in this run. */
  List<Artifact> outputsOf(String dagId, String runId, String taskId, String outputKey);

  /** The newest LIVE artifacts of {@code type} in the DAG's pipeline, newest first. */
  <T extends Artifact> List<T> latest(String dagId, Class<T> type, int limit);

  /** Records (or finds) an artifact that exists outside the pipeline, LIVE. */
  <T extends Artifact> T registerExternal(
      String dagId, Class<T> type, String uri, Map<String, Object> properties);

  /**
   * Identifies one component execution.
   *
   * @param dagId the pipeline
   * @param runId the pipeline run
   * @param taskId the node
   * @param componentType the component's type name
   * @param tryNumber the task try
   */
  record ExecutionKey(
      String dagId, String runId, String taskId, String componentType, int tryNumber) {}
}
