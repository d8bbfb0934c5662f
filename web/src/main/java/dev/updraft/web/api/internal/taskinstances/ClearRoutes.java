package dev.updraft.web.api.internal.taskinstances;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunListing;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.api.internal.dagruns.DagRunResponses;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Airflow's clears: {@code POST /dags/{dag_id}/clearTaskInstances} ({@code ClearTaskInstancesBody};
 * a dry run unless told otherwise) and {@code POST /dags/{dag_id}/dagRuns/{dag_run_id}/clear}
 * ({@code DAGRunClearBody}). Cleared instances go back to no state for a new try; their finished
 * runs are queued again.
 */
public final class ClearRoutes {
  private static final Set<String> CLEAR_FIELDS =
      Set.of(
          "dry_run",
          "start_date",
          "end_date",
          "only_failed",
          "only_running",
          "reset_dag_runs",
          "task_ids",
          "dag_run_id",
          "include_upstream",
          "include_downstream",
          "include_future",
          "include_past",
          "run_on_latest_version",
          "prevent_running_task");
  private static final Set<String> RUN_CLEAR_FIELDS =
      Set.of("dry_run", "only_failed", "run_on_latest_version");
  private static final Set<TaskState> FAILED = Set.of(TaskState.FAILED, TaskState.UPSTREAM_FAILED);
  private static final Set<DagRunState> FINISHED_RUNS =
      Set.of(DagRunState.SUCCESS, DagRunState.FAILED);

  private final ApiContext context;
  private final TaskInstanceRepository instances;
  private final DagRunRepository runs;

  public ClearRoutes(ApiContext context) {
    this.context = context;
    this.instances = new TaskInstanceRepository(context.db(), context.clock());
    this.runs = new DagRunRepository(context.db(), context.clock());
  }

  public void register(Javalin app) {
    app.post("/api/v2/dags/{dag_id}/clearTaskInstances", this::clearTaskInstances);
    app.post("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/clear", this::clearRun);
  }

  /** One task to clear: all its map indexes, or one. */
  private record Target(String taskId, Integer mapIndex) {}

  private void clearTaskInstances(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(CLEAR_FIELDS);
    boolean dryRun = flag(body, "dry_run", true);
    boolean onlyFailed = flag(body, "only_failed", true);
    boolean onlyRunning = flag(body, "only_running", false);
    boolean resetRuns = flag(body, "reset_dag_runs", true);
    boolean upstream = flag(body, "include_upstream", false);
    boolean downstream = flag(body, "include_downstream", false);
    boolean future = flag(body, "include_future", false);
    boolean past = flag(body, "include_past", false);
    flag(body, "run_on_latest_version", false);
    flag(body, "prevent_running_task", false);
    String runId = body.string("dag_run_id", false, true, null);
    Instant start = date(body, "start_date", errors);
    Instant end = date(body, "end_date", errors);
    List<Target> targets = targets(body.raw("task_ids"), errors);
    errors.throwIfAny();
    context.audit().record("post_clear_task_instances", user, dagId, runId, null, body.plain());
    CompiledDag dag = Lookups.dag(context, dagId);
    List<DagRunRecord> chosen = new ArrayList<>();
    if (runId != null) {
      DagRunRecord run =
          runs.find(dagId, runId)
              .orElseThrow(
                  () ->
                      new ApiException(404, "Dag Run id " + runId + " not found in dag " + dagId));
      if (past || future) {
        throw new ApiException(
            400,
            "Cannot use include_past or include_future when dag_run_id is provided because"
                + " logical_date is not applicable.");
      }
      chosen.add(run);
    } else {
      for (DagRunRecord run : runs.list(dagId)) {
        Instant when = run.logicalDate() != null ? run.logicalDate() : run.runAfter();
        if ((start == null || past || !when.isBefore(start))
            && (end == null || future || !when.isAfter(end))) {
          chosen.add(run);
        }
      }
    }
    Set<String> tasks = new LinkedHashSet<>();
    if (targets == null) {
      tasks.addAll(dag.topologicalOrder());
    } else {
      for (Target target : targets) {
        if (!dag.hasTask(target.taskId())) {
          continue;
        }
        tasks.add(target.taskId());
        if (upstream) {
          tasks.addAll(dag.graph().getAncestors(target.taskId()));
        }
        if (downstream) {
          tasks.addAll(dag.descendants(target.taskId()));
        }
      }
    }
    Map<DagRunRecord, List<TaskInstanceRecord>> plan = new LinkedHashMap<>();
    for (DagRunRecord run : chosen) {
      List<TaskInstanceRecord> matching = new ArrayList<>();
      for (TaskInstanceRecord ti : instances.listForRun(dagId, run.runId())) {
        boolean taskMatches =
            tasks.contains(ti.taskId())
                && (targets == null
                    || targets.stream()
                        .noneMatch(
                            t ->
                                t.taskId().equals(ti.taskId())
                                    && t.mapIndex() != null
                                    && t.mapIndex() != ti.mapIndex()));
        boolean stateMatches =
            (!onlyFailed || (ti.state() != null && FAILED.contains(ti.state())))
                && (!onlyRunning || ti.state() == TaskState.RUNNING);
        if (taskMatches && stateMatches) {
          matching.add(ti);
        }
      }
      if (!matching.isEmpty()) {
        plan.put(run, matching);
      }
    }
    List<TaskInstanceRecord> result = dryRun ? flatten(plan) : clear(dag, plan, resetRuns);
    respondInstances(ctx, result);
  }

  private void clearRun(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(RUN_CLEAR_FIELDS);
    boolean dryRun = flag(body, "dry_run", true);
    boolean onlyFailed = flag(body, "only_failed", false);
    flag(body, "run_on_latest_version", false);
    errors.throwIfAny();
    context.audit().record("clear_dag_run", user, dagId, runId, null, body.plain());
    DagRunRecord run =
        runs.find(dagId, runId).orElseThrow(() -> DagRunResponses.notFound(dagId, runId));
    CompiledDag dag = Lookups.dag(context, dagId);
    List<TaskInstanceRecord> matching =
        instances.listForRun(dagId, runId).stream()
            .filter(ti -> !onlyFailed || (ti.state() != null && FAILED.contains(ti.state())))
            .toList();
    Map<DagRunRecord, List<TaskInstanceRecord>> plan = new LinkedHashMap<>();
    if (!matching.isEmpty()) {
      plan.put(run, matching);
    }
    if (dryRun) {
      respondInstances(ctx, matching);
      return;
    }
    clear(dag, plan, true);
    JsonResponses.respond(
        ctx,
        200,
        DagRunResponses.of(new DagRunListing(context.db()).find(dagId, runId).orElseThrow()));
  }

  private List<TaskInstanceRecord> clear(
      CompiledDag dag, Map<DagRunRecord, List<TaskInstanceRecord>> plan, boolean resetRuns) {
    Instant now = context.clock().instant();
    for (Map.Entry<DagRunRecord, List<TaskInstanceRecord>> entry : plan.entrySet()) {
      Map<String, Integer> retries = new LinkedHashMap<>();
      for (TaskInstanceRecord ti : entry.getValue()) {
        retries.put(
            ti.taskId(),
            dag.hasTask(ti.taskId()) ? dag.options(ti.taskId()).args().retries() : null);
      }
      instances.clear(dag.dagId(), entry.getKey().runId(), retries);
      if (resetRuns) {
        runs.transition(
            dag.dagId(), entry.getKey().runId(), FINISHED_RUNS, DagRunState.QUEUED, now);
      }
    }
    if (!plan.isEmpty()) {
      context.afterChange().run();
    }
    return flatten(plan).stream().map(ti -> instances.find(ti.id()).orElse(ti)).toList();
  }

  private static List<TaskInstanceRecord> flatten(Map<DagRunRecord, List<TaskInstanceRecord>> p) {
    return p.values().stream().flatMap(List::stream).toList();
  }

  private void respondInstances(Context ctx, List<TaskInstanceRecord> tis) {
    Map<String, DagRunRecord> cache = new LinkedHashMap<>();
    List<Map<String, Object>> page =
        tis.stream()
            .map(
                ti ->
                    TaskInstanceResponses.of(
                        ti,
                        cache.computeIfAbsent(
                            ti.runId(), r -> runs.find(ti.dagId(), r).orElseThrow()),
                        context.dags()))
            .toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("task_instances", page, page.size()));
  }

  private static boolean flag(JsonBody body, String field, boolean fallback) {
    Boolean value = body.bool(field, false, false);
    return value == null ? fallback : value;
  }

  private static Instant date(JsonBody body, String field, ValidationErrors errors) {
    String text = body.string(field, false, true, null);
    if (text == null) {
      return null;
    }
    Instant at = ApiTimes.parse(text);
    if (at == null) {
      errors.add(
          "datetime_from_date_parsing",
          List.of("body", field),
          "Input should be a valid datetime or date, invalid character in year",
          text);
    }
    return at;
  }

  /** {@code task_ids}: ids, or {@code [id, map_index]} pairs; {@code null} when not given. */
  private static List<Target> targets(JsonNode node, ValidationErrors errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      errors.add(
          "list_type",
          List.of("body", "task_ids"),
          "Input should be a valid list",
          JsonBody.plain(node));
      return null;
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isTextual()) {
        targets.add(new Target(item.textValue(), null));
      } else if (item.isArray()
          && item.size() == 2
          && item.get(0).isTextual()
          && item.get(1).canConvertToInt()
          && item.get(1).isIntegralNumber()) {
        targets.add(new Target(item.get(0).textValue(), item.get(1).intValue()));
      } else {
        errors.add(
            "string_type",
            List.of("body", "task_ids", i, "str"),
            "Input should be a valid string",
            JsonBody.plain(item));
      }
    }
    return targets;
  }
}
