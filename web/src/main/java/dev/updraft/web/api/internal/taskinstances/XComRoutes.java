package dev.updraft.web.api.internal.taskinstances;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceQuery;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.XComListing;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code …/taskInstances/{task_id}/xcomEntries}: list ({@code ~} for any DAG, run or task), get,
 * create and update, as Airflow's XCom routes. Values are stored as JSON and answered as such.
 */
public final class XComRoutes {
  static final String PATH = TaskInstanceRoutes.PATH + "/{task_id}/xcomEntries";
  private static final String ANY = "~";

  private final ApiContext context;
  private final XComListing listing;
  private final XComRepository xcoms;
  private final DagRunRepository runs;

  public XComRoutes(ApiContext context) {
    this.context = context;
    this.listing = new XComListing(context.db());
    this.xcoms = new XComRepository(context.db(), context.clock());
    this.runs = new DagRunRepository(context.db(), context.clock());
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH, this::create);
    app.get(PATH + "/{xcom_key}", this::get);
    app.patch(PATH + "/{xcom_key}", this::update);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    Integer mapIndex = null;
    if (ctx.queryParam("map_index") != null) {
      mapIndex = QueryParams.integer(ctx, "map_index", -1, -1, errors);
    }
    Paging paging = Paging.from(ctx, Map.of("id", "id"), "id", errors);
    Integer mapIndexFilter = null;
    if (ctx.queryParam("map_index_filter") != null) {
      mapIndexFilter = QueryParams.integer(ctx, "map_index_filter", -1, Integer.MIN_VALUE, errors);
    }
    List<TaskInstanceQuery.Bound> bounds = new ArrayList<>();
    Map<String, String> ops = Map.of("_gte", ">=", "_gt", ">", "_lte", "<=", "_lt", "<");
    for (String field : List.of("logical_date", "run_after")) {
      ops.forEach(
          (suffix, op) -> {
            Instant at = QueryParams.instant(ctx, field + suffix, errors);
            if (at != null) {
              bounds.add(new TaskInstanceQuery.Bound(field, op, at));
            }
          });
    }
    errors.throwIfAny();
    if (mapIndex != null && mapIndexFilter != null && !mapIndex.equals(mapIndexFilter)) {
      // Both must hold, and no XCom has two map indexes.
      mapIndex = Integer.MIN_VALUE;
    } else if (mapIndex == null) {
      mapIndex = mapIndexFilter;
    }
    Map<String, List<String>> patterns = new LinkedHashMap<>();
    patterns.put("key", QueryParams.likePatterns(ctx.queryParam("xcom_key_pattern")));
    // Updraft's display names are the ids.
    patterns.put("dag_id", QueryParams.likePatterns(ctx.queryParam("dag_display_name_pattern")));
    patterns.put("run_id", QueryParams.likePatterns(ctx.queryParam("run_id_pattern")));
    patterns.put("task_id", QueryParams.likePatterns(ctx.queryParam("task_id_pattern")));
    XComListing.Filter filter =
        new XComListing.Filter(
            any(ctx.pathParam("dag_id")),
            any(ctx.pathParam("dag_run_id")),
            any(ctx.pathParam("task_id")),
            mapIndex,
            ctx.queryParam("xcom_key"),
            patterns,
            bounds);
    List<Map<String, Object>> page =
        listing.page(filter, paging.limit(), paging.offset()).stream()
            .map(XComRoutes::summary)
            .toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("xcom_entries", page, listing.count(filter)));
  }

  private static String any(String value) {
    return ANY.equals(value) ? null : value;
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    Integer mapIndex = QueryParams.integer(ctx, "map_index", -1, -1, errors);
    Boolean deserialize = QueryParams.bool(ctx, "deserialize", errors);
    Boolean stringify = QueryParams.bool(ctx, "stringify", errors);
    errors.throwIfAny();
    String key = ctx.pathParam("xcom_key");
    XComListing.Entry entry =
        listing
            .find(
                ctx.pathParam("dag_id"),
                ctx.pathParam("dag_run_id"),
                ctx.pathParam("task_id"),
                mapIndex,
                key)
            .orElseThrow(
                () -> new ApiException(404, "XCom entry with key: `" + key + "` not found"));
    Map<String, Object> body = summary(entry);
    JsonNode value = value(entry.xcom().value());
    if (Boolean.TRUE.equals(stringify)) {
      // Airflow's XComResponseString: the value as text (JSON text here, not Python's repr).
      body.put("value", value == null || value.isNull() ? null : text(value));
    } else {
      body.put("value", value == null ? null : JsonBody.plain(value));
    }
    // deserialize changes nothing: Updraft stores plain JSON, already the deserialized value.
    JsonResponses.respond(ctx, 200, body);
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private void create(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(Set.of("key", "value", "map_index"));
    String key = body.string("key", true, false, null);
    JsonNode value = body.json("value", true);
    Integer mapIndex = body.integer("map_index", false, false, null);
    errors.throwIfAny();
    int index = mapIndex == null ? TaskInstanceRecord.NOT_MAPPED : mapIndex;
    context.audit().record("create_xcom_entry", user, dagId, runId, taskId, body.plain());
    CompiledDag dag = Lookups.dag(context, dagId);
    if (!dag.hasTask(taskId)) {
      throw new ApiException(
          404, "Task with ID: `" + taskId + "` not found in dag: `" + dagId + "`");
    }
    if (runs.find(dagId, runId).isEmpty()) {
      throw new ApiException(
          404, "Dag Run with ID: `" + runId + "` not found for dag: `" + dagId + "`");
    }
    if (listing.find(dagId, runId, taskId, index, key).isPresent()) {
      throw new ApiException(
          409, "The XCom with key: `" + key + "` with mentioned task instance already exists.");
    }
    try {
      xcoms.push(dagId, runId, taskId, index, key, value.toString());
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          404,
          "Task Instance with dag_id: `"
              + dagId
              + "`, run_id: `"
              + runId
              + "`, task_id: `"
              + taskId
              + "` and map_index: `"
              + index
              + "` not found");
    }
    respondNative(ctx, 201, dagId, runId, taskId, index, key);
  }

  private void update(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    String key = ctx.pathParam("xcom_key");
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(Set.of("value", "map_index"));
    JsonNode value = body.json("value", true);
    Integer mapIndex = body.integer("map_index", false, false, null);
    errors.throwIfAny();
    int index = mapIndex == null ? TaskInstanceRecord.NOT_MAPPED : mapIndex;
    context.audit().record("update_xcom_entry", user, dagId, runId, taskId, body.plain());
    if (listing.find(dagId, runId, taskId, index, key).isEmpty()) {
      throw new ApiException(
          404, "The XCom with key: `" + key + "` with mentioned task instance doesn't exist.");
    }
    xcoms.push(dagId, runId, taskId, index, key, value.toString());
    respondNative(ctx, 200, dagId, runId, taskId, index, key);
  }

  private void respondNative(
      Context ctx, int status, String dagId, String runId, String taskId, int index, String key) {
    XComListing.Entry entry = listing.find(dagId, runId, taskId, index, key).orElseThrow();
    Map<String, Object> body = summary(entry);
    JsonNode value = value(entry.xcom().value());
    body.put("value", value == null ? null : JsonBody.plain(value));
    JsonResponses.respond(ctx, status, body);
  }

  private static JsonNode value(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JsonResponses.mapper().readTree(json);
    } catch (Exception e) {
      return JsonResponses.mapper().getNodeFactory().textNode(json);
    }
  }

  /** Airflow's {@code XComResponse}: the entry without its value. */
  private static Map<String, Object> summary(XComListing.Entry entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", entry.xcom().key());
    body.put("timestamp", ApiTimes.format(entry.xcom().timestamp()));
    body.put("logical_date", ApiTimes.format(entry.logicalDate()));
    body.put("map_index", entry.xcom().mapIndex());
    body.put("task_id", entry.xcom().taskId());
    body.put("dag_id", entry.xcom().dagId());
    body.put("run_id", entry.xcom().runId());
    body.put("dag_display_name", entry.xcom().dagId());
    body.put("task_display_name", entry.xcom().taskId());
    body.put("run_after", ApiTimes.format(entry.runAfter()));
    return body;
  }
}
