package dev.updraft.sdk.testing;

import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.run.ArtifactStore;
import dev.updraft.sdk.internal.run.XComStore;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outcome of one DAG run: its state, each task instance, and what they produced. */
public final class DagRunResult {
  private final String dagId;
  private final String runId;
  private final Instant logicalDate;
  private final DagRunState state;
  private final Map<String, TaskInstanceResult> tasks;
  private final XComStore xcoms;
  private final ArtifactStore artifacts;

  public DagRunResult(
      String dagId,
      String runId,
      Instant logicalDate,
      DagRunState state,
      Map<String, TaskInstanceResult> tasks,
      XComStore xcoms,
      ArtifactStore artifacts) {
    this.dagId = dagId;
    this.runId = runId;
    this.logicalDate = logicalDate;
    this.state = state;
    this.tasks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tasks));
    this.xcoms = xcoms;
    this.artifacts = artifacts;
  }

  public String dagId() {
    return dagId;
  }

  public String runId() {
    return runId;
  }

  public Instant logicalDate() {
    return logicalDate;
  }

  public DagRunState state() {
    return state;
  }

  /** Whether the run succeeded. */
  public boolean succeeded() {
    return state == DagRunState.SUCCESS;
  }

  /** Every task instance, by task id, in the order the run took them. */
  public Map<String, TaskInstanceResult> tasks() {
    return tasks;
  }

  /** The task instance of {@code taskId}; an error naming the known ids if there is none. */
  public TaskInstanceResult task(String taskId) {
    TaskInstanceResult task = tasks.get(taskId);
    if (task == null) {
      throw new IllegalArgumentException(
          "run has no task '" + taskId + "'; its tasks are " + tasks.keySet());
    }
    return task;
  }

  /** The final state of {@code taskId}. */
  public TaskState state(String taskId) {
    return task(taskId).state();
  }

  /** {@code taskId}'s return value, read as {@code type}. */
  public <T> Optional<T> xcom(String taskId, Class<T> type) {
    return xcom(taskId, dev.updraft.sdk.XComArg.RETURN_VALUE, type);
  }

  /** An XCom {@code taskId} pushed, read as {@code type}. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> xcom(String taskId, String key, Type type) {
    return xcoms.pull(dagId, runId, taskId, key).map(json -> (T) Json.read(json, type));
  }

  /** The artifacts {@code taskId} published as {@code outputKey} in this run. */
  public List<Artifact> outputs(String taskId, String outputKey) {
    return artifacts.outputsOf(dagId, runId, taskId, outputKey);
  }
}
