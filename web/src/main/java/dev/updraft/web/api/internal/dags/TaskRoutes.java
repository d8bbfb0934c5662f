package dev.updraft.web.api.internal.dags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v2/dags/{dag_id}/tasks}: the tasks of a DAG's latest serialized form. */
public final class TaskRoutes {
  static final String PATH = "/api/v2/dags/{dag_id}/tasks";

  /** The task attributes Airflow can sort by that have a single comparable value here. */
  private static final Set<String> SORTABLE =
      Set.of(
          "task_id",
          "task_display_name",
          "owner",
          "operator_name",
          "trigger_rule",
          "retries",
          "queue",
          "pool",
          "pool_slots",
          "priority_weight",
          "weight_rule",
          "depends_on_past",
          "wait_for_downstream",
          "retry_exponential_backoff",
          "start_date",
          "end_date",
          "doc_md",
          "ui_color",
          "ui_fgcolor",
          "is_mapped");

  private final ApiContext context;
  private final DagRepository dags;

  public TaskRoutes(ApiContext context) {
    this.context = context;
    this.dags = new DagRepository(context.db(), context.clock());
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.get(PATH + "/{task_id}", this::get);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    JsonNode dag = DagLookup.serialized(dags, ctx.pathParam("dag_id"));
    String orderBy = ctx.queryParam("order_by");
    if (orderBy == null) {
      orderBy = "task_id";
    }
    boolean descending = orderBy.startsWith("-");
    String attribute = descending ? orderBy.substring(1) : orderBy;
    if (!SORTABLE.contains(attribute)) {
      // Airflow sorts with attrgetter and answers its AttributeError.
      throw new ApiException(
          400, "'SerializedBaseOperator' object has no attribute '" + attribute + "'");
    }
    List<Map<String, Object>> tasks = new ArrayList<>();
    dag.path("tasks").forEach(task -> tasks.add(TaskResponses.of(dag, task)));
    Comparator<Map<String, Object>> order =
        Comparator.comparing(task -> task.get(attribute), TaskRoutes::compareValues);
    tasks.sort(descending ? order.reversed() : order);
    JsonResponses.respond(ctx, 200, QueryParams.collection("tasks", tasks, tasks.size()));
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    JsonNode dag = DagLookup.serialized(dags, ctx.pathParam("dag_id"));
    String taskId = ctx.pathParam("task_id");
    for (JsonNode task : dag.path("tasks")) {
      if (taskId.equals(task.path("task_id").asText())) {
        JsonResponses.respond(ctx, 200, TaskResponses.of(dag, task));
        return;
      }
    }
    throw new ApiException(404, "Task with id " + taskId + " was not found");
  }

  // Nulls first; numbers by value; anything else by its text.
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return a.toString().compareTo(b.toString());
  }
}
