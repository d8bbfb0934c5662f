package dev.updraft.sdk.internal.compile;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.Param;
import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.TaskDefinition;
import dev.updraft.sdk.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled DAG as JSON, the way Airflow stores a serialized DAG: its settings and each task's
 * operator, settings and neighbours. What the database, the API and the dashboard show.
 */
public final class DagSerializer {
  private DagSerializer() {}

  /** The DAG's description as plain maps and lists. */
  public static Map<String, Object> toMap(CompiledDag compiled) {
    Dag dag = compiled.dag();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dag_id", dag.dagId());
    out.put("schedule", dag.schedule().toString());
    out.put("timezone", dag.timezone().getId());
    out.put("start_date", text(dag.startDate()));
    out.put("end_date", text(dag.endDate()));
    out.put("catchup", dag.catchup());
    out.put("tags", dag.tags());
    out.put("owner", dag.owner());
    out.put("description", dag.description());
    out.put("doc_md", dag.docMd());
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, Param> param : dag.params().entrySet()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("default", param.getValue().defaultValue());
      spec.put("type", param.getValue().type());
      spec.put("description", param.getValue().description());
      params.put(param.getKey(), spec);
    }
    out.put("params", params);
    out.put("max_active_runs", dag.maxActiveRuns());
    out.put("max_active_tasks", dag.maxActiveTasks());
    out.put("dagrun_timeout", text(dag.dagrunTimeout()));
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (String taskId : compiled.topologicalOrder()) {
      tasks.add(task(compiled, compiled.task(taskId)));
    }
    out.put("tasks", tasks);
    return out;
  }

  /** The DAG as JSON text. */
  public static String toJson(CompiledDag compiled) {
    return Json.write(toMap(compiled));
  }

  /** A SHA-256 of the JSON: equal hashes mean the same definition. */
  public static String hash(String json) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Map<String, Object> task(CompiledDag compiled, TaskDefinition task) {
    TaskArgs args = compiled.options(task.taskId()).args();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task_id", task.taskId());
    out.put("operator", task.operator().operatorName());
    out.put("trigger_rule", compiled.options(task.taskId()).triggerRule().value());
    out.put("owner", args.owner());
    out.put("retries", args.retries());
    out.put("retry_delay", text(args.retryDelay()));
    out.put("retry_exponential_backoff", args.retryExponentialBackoff());
    out.put("max_retry_delay", text(args.maxRetryDelay()));
    out.put("execution_timeout", text(args.executionTimeout()));
    out.put("pool", args.pool());
    out.put("pool_slots", args.poolSlots());
    out.put("priority_weight", args.priorityWeight());
    out.put("weight_rule", "downstream");
    out.put("queue", args.queue());
    out.put("executor", args.executor());
    out.put("depends_on_past", args.dependsOnPast());
    out.put("upstream_task_ids", compiled.upstream(task.taskId()));
    out.put("downstream_task_ids", compiled.downstream(task.taskId()));
    out.put("template_fields", List.copyOf(task.operator().templateFields().keySet()));
    out.put("doc", task.doc());
    return out;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
