package dev.updraft.web.api.internal.taskinstances;

import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;

/** What a task instance route names, loaded, or Airflow's 404 for it. */
final class Lookups {
  private Lookups() {}

  /** The compiled DAG {@code dagId}. */
  static CompiledDag dag(ApiContext context, String dagId) {
    return context
        .dags()
        .find(dagId)
        .orElseThrow(() -> new ApiException(404, "The Dag with ID: `" + dagId + "` was not found"));
  }

  /** The task instance, with the detail Airflow's PATCH and dependencies routes give. */
  static TaskInstanceRecord instance(
      TaskInstanceRepository instances, String dagId, String runId, String taskId, int mapIndex) {
    return instances
        .find(dagId, runId, taskId, mapIndex)
        .orElseThrow(
            () ->
                new ApiException(
                    404,
                    "Task Instance not found for dag_id="
                        + dagId
                        + ", run_id="
                        + runId
                        + ", task_id="
                        + taskId));
  }
}
