package dev.updraft.web.api.internal.taskinstances;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.server.internal.JsonResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow's {@code TaskInstanceResponse} and {@code TaskInstanceHistoryResponse}. Updraft has no
 * display names, DAG versions, triggers or executor configs: display names are the ids, the others
 * {@code null} (or {@code "{}"} for the config, a string in the spec).
 */
final class TaskInstanceResponses {
  private TaskInstanceResponses() {}

  /** {@code ti} of {@code run}, the operator's name taken from the compiled DAG when known. */
  static Map<String, Object> of(TaskInstanceRecord ti, DagRunRecord run, LoopDags dags) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", ti.id().toString());
    shared(body, ti, dags);
    body.put("logical_date", ApiTimes.format(run.logicalDate()));
    body.put("run_after", ApiTimes.format(run.runAfter()));
    body.put("note", ti.note());
    body.put("rendered_map_index", null);
    body.put("rendered_fields", renderedFields(ti.renderedFields()));
    // Updraft has no triggerer (deferral) and does not tie tries to DAG versions yet.
    body.put("trigger", null);
    body.put("triggerer_job", null);
    body.put("dag_version", null);
    return body;
  }

  /** One try of a task instance ({@code task_instance_history} or the current try). */
  static Map<String, Object> history(TaskInstanceRecord ti, LoopDags dags) {
    Map<String, Object> body = new LinkedHashMap<>();
    shared(body, ti, dags);
    return body;
  }

  private static void shared(Map<String, Object> body, TaskInstanceRecord ti, LoopDags dags) {
    body.put("task_id", ti.taskId());
    body.put("dag_id", ti.dagId());
    body.put("dag_run_id", ti.runId());
    body.put("map_index", ti.mapIndex());
    body.put("start_date", ApiTimes.format(ti.startDate()));
    body.put("end_date", ApiTimes.format(ti.endDate()));
    body.put("duration", ti.duration());
    body.put("state", ti.state() == null ? null : ti.state().value());
    body.put("try_number", ti.tryNumber());
    body.put("max_tries", ti.maxTries());
    body.put("task_display_name", ti.taskId());
    body.put("dag_display_name", ti.dagId());
    body.put("hostname", ti.hostname());
    body.put("unixname", null);
    body.put("pool", ti.pool());
    body.put("pool_slots", ti.poolSlots());
    body.put("queue", ti.queue());
    body.put("priority_weight", ti.priorityWeight());
    body.put("operator", ti.operator());
    body.put("operator_name", operatorName(ti, dags).orElse(ti.operator()));
    body.put("queued_when", ApiTimes.format(ti.queuedDttm()));
    body.put("scheduled_when", ApiTimes.format(ti.scheduledDttm()));
    body.put("pid", ti.pid());
    body.put("executor", ti.executor());
    body.put("executor_config", "{}");
  }

  private static Optional<String> operatorName(TaskInstanceRecord ti, LoopDags dags) {
    return dags.find(ti.dagId())
        .filter(dag -> dag.hasTask(ti.taskId()))
        .map(dag -> dag.task(ti.taskId()).operator().operatorName());
  }

  private static Map<String, Object> renderedFields(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JsonResponses.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      // Not an object (older rows): show nothing rather than fail the whole response.
      return Map.of();
    }
  }
}
