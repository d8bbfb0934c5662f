package dev.updraft.web.api.internal.taskinstances;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceHistoryRecord;
import dev.updraft.metadata.state.TaskInstanceListing;
import dev.updraft.metadata.state.TaskInstanceQuery;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances}: list (also with {@code ~} for
 * every DAG or run), batch list, one instance, its tries and what keeps it from running, as
 * Airflow's task instance routes.
 */
public final class TaskInstanceRoutes {
  static final String PATH = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances";
  private static final String ANY = "~";

  private static final Set<String> BATCH_FIELDS =
      Set.of(
          "dag_ids",
          "dag_run_ids",
          "task_ids",
          "state",
          "run_after_gte",
          "run_after_gt",
          "run_after_lte",
          "run_after_lt",
          "logical_date_gte",
          "logical_date_gt",
          "logical_date_lte",
          "logical_date_lt",
          "start_date_gte",
          "start_date_gt",
          "start_date_lte",
          "start_date_lt",
          "end_date_gte",
          "end_date_gt",
          "end_date_lte",
          "end_date_lt",
          "duration_gte",
          "duration_gt",
          "duration_lte",
          "duration_lt",
          "pool",
          "queue",
          "executor",
          "page_offset",
          "page_limit",
          "order_by");

  private static final Map<String, String> BATCH_ORDER_BY =
      Map.of(
          "id", "id",
          "state", "state",
          "duration", "duration",
          "start_date", "start_date",
          "end_date", "end_date",
          "map_index", "map_index");

  private final ApiContext context;
  private final TaskInstanceRepository instances;
  private final TaskInstanceListing listing;
  private final DagRunRepository runs;
  private final DagRepository dagRows;
  private final TaskStateChanges changes;

  public TaskInstanceRoutes(ApiContext context) {
    this.context = context;
    this.instances = new TaskInstanceRepository(context.db(), context.clock());
    this.listing = new TaskInstanceListing(context.db());
    this.runs = new DagRunRepository(context.db(), context.clock());
    this.dagRows = new DagRepository(context.db(), context.clock());
    this.changes = new TaskStateChanges(context, instances, runs, listing);
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH + "/list", this::batch);
    app.get(PATH + "/{task_id}", this::get);
    app.patch(PATH + "/{task_id}", ctx -> changes.patch(ctx, false));
    app.patch(PATH + "/{task_id}/dry_run", ctx -> changes.patch(ctx, true));
    app.get(PATH + "/{task_id}/tries", this::tries);
    app.get(PATH + "/{task_id}/tries/{task_try_number}", this::tryDetails);
    app.get(PATH + "/{task_id}/dependencies", this::dependencies);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    TaskInstanceQuery query =
        TaskInstanceFilters.read(
            ctx, ANY.equals(dagId) ? null : dagId, ANY.equals(runId) ? null : runId);
    if (!ANY.equals(dagId) && dagRows.find(dagId).isEmpty()) {
      throw new ApiException(404, "The Dag with ID: `" + dagId + "` was not found");
    }
    if (!ANY.equals(runId) && !runExists(ANY.equals(dagId) ? null : dagId, runId)) {
      throw new ApiException(404, "DagRun with run_id: `" + runId + "` was not found");
    }
    respondPage(ctx, query);
  }

  private boolean runExists(String dagId, String runId) {
    if (dagId != null) {
      return runs.find(dagId, runId).isPresent();
    }
    TaskInstanceQuery probe =
        new TaskInstanceQuery(
            Map.of("run_id", List.of(runId)),
            List.of(),
            false,
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            1,
            0);
    return listing.count(probe) > 0;
  }

  private void batch(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    for (String param : List.of("dag_id", "dag_run_id")) {
      if (!ANY.equals(ctx.pathParam(param))) {
        errors.add(
            "literal_error",
            List.of("path", param),
            "Input should be '~'",
            ctx.pathParam(param),
            Map.of("expected", "'~'"));
      }
    }
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(BATCH_FIELDS);
    Map<String, List<String>> anyOf = new LinkedHashMap<>();
    anyOf.put("dag_id", strings(body, "dag_ids", errors));
    anyOf.put("run_id", strings(body, "dag_run_ids", errors));
    anyOf.put("task_id", strings(body, "task_ids", errors));
    anyOf.put("pool", strings(body, "pool", errors));
    anyOf.put("queue", strings(body, "queue", errors));
    anyOf.put("executor", strings(body, "executor", errors));
    List<String> states = new ArrayList<>();
    boolean noState = false;
    JsonNode stateNode = body.raw("state");
    if (stateNode != null && stateNode.isArray()) {
      for (int i = 0; i < stateNode.size(); i++) {
        JsonNode s = stateNode.get(i);
        if (s.isNull()) {
          noState = true;
        } else if (s.isTextual() && TaskInstanceFilters.STATES.contains(s.textValue())) {
          states.add(s.textValue());
        } else {
          errors.add(
              "enum",
              List.of("body", "state", i),
              "Input should be " + ValidationErrors.choices(TaskInstanceFilters.STATES),
              JsonBody.plain(s),
              Map.of("expected", ValidationErrors.choices(TaskInstanceFilters.STATES)));
        }
      }
    } else if (stateNode != null && !stateNode.isNull()) {
      errors.add("list_type", List.of("body", "state"), "Input should be a valid list", null);
    }
    List<TaskInstanceQuery.Bound> bounds = new ArrayList<>();
    Map<String, String> ops = Map.of("_gte", ">=", "_gt", ">", "_lte", "<=", "_lt", "<");
    for (String field : List.of("run_after", "logical_date", "start_date", "end_date")) {
      ops.forEach(
          (suffix, op) -> {
            String text = body.string(field + suffix, false, true, null);
            if (text != null) {
              Instant at = ApiTimes.parse(text);
              if (at == null) {
                errors.add(
                    "datetime_from_date_parsing",
                    List.of("body", field + suffix),
                    "Input should be a valid datetime or date, invalid character in year",
                    text);
              } else {
                bounds.add(new TaskInstanceQuery.Bound(field, op, at));
              }
            }
          });
    }
    ops.forEach(
        (suffix, op) -> {
          JsonNode value = body.raw("duration" + suffix);
          if (value != null && !value.isNull()) {
            if (value.isNumber()) {
              bounds.add(new TaskInstanceQuery.Bound("duration", op, value.doubleValue()));
            } else {
              errors.add(
                  "float_type",
                  List.of("body", "duration" + suffix),
                  "Input should be a valid number",
                  JsonBody.plain(value));
            }
          }
        });
    Integer limit = body.integer("page_limit", false, false, 0);
    Integer offset = body.integer("page_offset", false, false, 0);
    String orderBy = body.string("order_by", false, true, null);
    errors.throwIfAny();
    Paging.Sort sort = Paging.sort(orderBy == null ? "id" : orderBy, BATCH_ORDER_BY);
    context
        .audit()
        .record(
            "get_task_instances_batch",
            context.auth().require(ctx, Permission.READ),
            null,
            null,
            null,
            body.plain());
    respondPage(
        ctx,
        new TaskInstanceQuery(
            anyOf,
            states,
            noState,
            Map.of(),
            Map.of(),
            bounds,
            List.of(new TaskInstanceQuery.Order(sort.column(), sort.descending())),
            Math.min(limit == null ? 100 : limit, 100),
            offset == null ? 0 : offset));
  }

  private static List<String> strings(JsonBody body, String field, ValidationErrors errors) {
    JsonNode node = body.raw(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      errors.add("list_type", List.of("body", field), "Input should be a valid list", null);
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (node.get(i).isTextual()) {
        values.add(node.get(i).textValue());
      } else {
        errors.add(
            "string_type",
            List.of("body", field, i),
            "Input should be a valid string",
            JsonBody.plain(node.get(i)));
      }
    }
    return values;
  }

  private void respondPage(Context ctx, TaskInstanceQuery query) {
    Map<String, DagRunRecord> runCache = new HashMap<>();
    List<Map<String, Object>> page =
        listing.page(query).stream().map(ti -> response(ti, runCache)).toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("task_instances", page, listing.count(query)));
  }

  Map<String, Object> response(TaskInstanceRecord ti, Map<String, DagRunRecord> runCache) {
    DagRunRecord run =
        runCache.computeIfAbsent(
            ti.dagId() + "\u0000" + ti.runId(),
            key -> runs.find(ti.dagId(), ti.runId()).orElseThrow());
    return TaskInstanceResponses.of(ti, run, context.dags());
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    List<TaskInstanceRecord> found = ofTask(dagId, runId, taskId);
    if (found.isEmpty()) {
      throw new ApiException(
          404,
          "The Task Instance with dag_id: `"
              + dagId
              + "`, run_id: `"
              + runId
              + "` and task_id: `"
              + taskId
              + "` was not found");
    }
    TaskInstanceRecord ti = found.getFirst();
    if (ti.mapIndex() != TaskInstanceRecord.NOT_MAPPED) {
      throw new ApiException(404, "Task instance is mapped, add the map_index value to the URL");
    }
    JsonResponses.respond(ctx, 200, response(ti, new HashMap<>()));
  }

  private List<TaskInstanceRecord> ofTask(String dagId, String runId, String taskId) {
    TaskInstanceQuery query =
        new TaskInstanceQuery(
            Map.of("dag_id", List.of(dagId), "run_id", List.of(runId), "task_id", List.of(taskId)),
            List.of(),
            false,
            Map.of(),
            Map.of(),
            List.of(),
            List.of(new TaskInstanceQuery.Order("map_index", false)),
            2,
            0);
    return listing.page(query);
  }

  private int mapIndex(Context ctx) {
    ValidationErrors errors = new ValidationErrors();
    Integer mapIndex =
        QueryParams.integer(
            ctx, "map_index", TaskInstanceRecord.NOT_MAPPED, Integer.MIN_VALUE, errors);
    errors.throwIfAny();
    return mapIndex;
  }

  /** The current try (unless it waits for a retry: then it is in the history) and the past ones. */
  private List<TaskInstanceRecord> allTries(Context ctx, int mapIndex) {
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    List<TaskInstanceRecord> tries = new ArrayList<>();
    instances
        .find(dagId, runId, taskId, mapIndex)
        .ifPresent(
            ti -> {
              instances.history(ti.id()).stream()
                  .map(TaskInstanceHistoryRecord::attempt)
                  .forEach(tries::add);
              boolean recorded = tries.stream().anyMatch(t -> t.tryNumber() == ti.tryNumber());
              if (ti.state() != dev.updraft.sdk.TaskState.UP_FOR_RETRY && !recorded) {
                tries.add(ti);
              } else if (recorded) {
                // The history row is the try as it ended; the live row may have moved on since.
                tries.replaceAll(t -> t.tryNumber() == ti.tryNumber() ? ti : t);
              }
            });
    return tries;
  }

  private void tries(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    int mapIndex = mapIndex(ctx);
    List<TaskInstanceRecord> tries = allTries(ctx, mapIndex);
    if (tries.isEmpty()) {
      throw new ApiException(
          404,
          "The Task Instance with dag_id: `"
              + ctx.pathParam("dag_id")
              + "`, run_id: `"
              + ctx.pathParam("dag_run_id")
              + "`, task_id: `"
              + ctx.pathParam("task_id")
              + "` and map_index: `"
              + mapIndex
              + "` was not found");
    }
    List<Map<String, Object>> page =
        tries.stream().map(t -> TaskInstanceResponses.history(t, context.dags())).toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("task_instances", page, page.size()));
  }

  private void tryDetails(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    int tryNumber;
    try {
      tryNumber = Integer.parseInt(ctx.pathParam("task_try_number"));
    } catch (NumberFormatException e) {
      ValidationErrors errors = new ValidationErrors();
      errors.add(
          "int_parsing",
          List.of("path", "task_try_number"),
          "Input should be a valid integer, unable to parse string as an integer",
          ctx.pathParam("task_try_number"));
      throw errors.toException();
    }
    int mapIndex = mapIndex(ctx);
    TaskInstanceRecord found =
        allTries(ctx, mapIndex).stream()
            .filter(t -> t.tryNumber() == tryNumber)
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "The Task Instance with dag_id: `"
                            + ctx.pathParam("dag_id")
                            + "`, run_id: `"
                            + ctx.pathParam("dag_run_id")
                            + "`, task_id: `"
                            + ctx.pathParam("task_id")
                            + "`, try_number: `"
                            + tryNumber
                            + "` and map_index: `"
                            + mapIndex
                            + "` was not found"));
    JsonResponses.respond(ctx, 200, TaskInstanceResponses.history(found, context.dags()));
  }

  private void dependencies(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    int mapIndex = mapIndex(ctx);
    TaskInstanceRecord ti = Lookups.instance(instances, dagId, runId, taskId, mapIndex);
    List<Map<String, String>> deps = new TaskDependencies(context, instances, runs).blocking(ti);
    JsonResponses.respond(ctx, 200, Map.of("dependencies", deps));
  }
}
