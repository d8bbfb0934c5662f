package dev.updraft.web.api.internal.taskinstances;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceListing;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH …/taskInstances/{task_id}} and its {@code dry_run}: Airflow's {@code
 * PatchTaskInstanceBody}, marking the instance (and, if asked, its upstream, downstream, past or
 * future instances) success, failed or skipped, or setting its note.
 */
final class TaskStateChanges {
  private static final Set<String> FIELDS =
      Set.of(
          "new_state",
          "note",
          "include_upstream",
          "include_downstream",
          "include_future",
          "include_past");
  private static final List<String> SETTABLE = List.of("success", "failed", "skipped");
  private static final Set<DagRunState> FINISHED_RUNS =
      Set.of(DagRunState.SUCCESS, DagRunState.FAILED);

  private final ApiContext context;
  private final TaskInstanceRepository instances;
  private final DagRunRepository runs;
  private final TaskInstanceListing listing;

  TaskStateChanges(
      ApiContext context,
      TaskInstanceRepository instances,
      DagRunRepository runs,
      TaskInstanceListing listing) {
    this.context = context;
    this.instances = instances;
    this.runs = runs;
    this.listing = listing;
  }

  void patch(Context ctx, boolean dryRun) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    ValidationErrors errors = new ValidationErrors();
    Integer mapIndex =
        QueryParams.integer(
            ctx, "map_index", TaskInstanceRecord.NOT_MAPPED, Integer.MIN_VALUE, errors);
    List<String> mask = ctx.queryParams("update_mask").stream().map(String::strip).toList();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(FIELDS);
    String newState = body.string("new_state", false, true, null);
    if (newState != null && !TaskInstanceFilters.STATES.contains(newState)) {
      errors.add(
          "enum",
          List.of("body", "new_state"),
          "Input should be " + ValidationErrors.choices(TaskInstanceFilters.STATES),
          newState,
          Map.of("expected", ValidationErrors.choices(TaskInstanceFilters.STATES)));
      newState = null;
    } else if (newState != null && !SETTABLE.contains(newState)) {
      errors.add(
          "value_error",
          List.of("body", "new_state"),
          "Value error, '" + newState + "' is not one of ['success', 'failed', 'skipped']",
          newState,
          Map.of("error", "'" + newState + "' is not one of ['success', 'failed', 'skipped']"));
      newState = null;
    }
    String note = body.string("note", false, true, 1000);
    boolean upstream = flag(body, "include_upstream");
    boolean downstream = flag(body, "include_downstream");
    boolean future = flag(body, "include_future");
    boolean past = flag(body, "include_past");
    errors.throwIfAny();
    if (!dryRun) {
      context.audit().record("patch_task_instance", user, dagId, runId, taskId, body.plain());
    }
    CompiledDag dag = Lookups.dag(context, dagId);
    if (!dag.hasTask(taskId)) {
      throw new ApiException(404, "Task '" + taskId + "' not found in DAG '" + dagId + "'");
    }
    TaskInstanceRecord ti = Lookups.instance(instances, dagId, runId, taskId, mapIndex);
    Set<String> fields = new HashSet<>(body.fieldNames());
    if (!mask.isEmpty()) {
      fields.retainAll(mask);
    }
    List<TaskInstanceRecord> affected = new ArrayList<>();
    if (fields.contains("new_state") && newState != null) {
      TaskState target = TaskState.fromValue(newState).orElseThrow();
      affected = selection(dag, ti, target, upstream, downstream, future, past);
      if (!dryRun) {
        if (affected.isEmpty()) {
          throw new ApiException(
              409, "Task id " + taskId + " is already in " + newState + " state");
        }
        apply(affected, target);
      }
    } else if (fields.contains("note")) {
      affected = List.of(ti);
    }
    if (!dryRun && fields.contains("note")) {
      listing.setNote(ti.id(), note, context.clock().instant());
    }
    if (!dryRun) {
      context.afterChange().run();
      affected = affected.stream().map(t -> instances.find(t.id()).orElse(t)).toList();
    }
    Map<String, DagRunRecord> cache = new HashMap<>();
    List<Map<String, Object>> page =
        affected.stream()
            .map(
                t ->
                    TaskInstanceResponses.of(
                        t,
                        cache.computeIfAbsent(
                            t.runId(), r -> runs.find(t.dagId(), r).orElseThrow()),
                        context.dags()))
            .toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("task_instances", page, page.size()));
  }

  private static boolean flag(JsonBody body, String field) {
    Boolean value = body.bool(field, false, false);
    return value != null && value;
  }

  /** The instances the change would move: those of the chosen tasks and runs not yet in it. */
  private List<TaskInstanceRecord> selection(
      CompiledDag dag,
      TaskInstanceRecord ti,
      TaskState target,
      boolean upstream,
      boolean downstream,
      boolean future,
      boolean past) {
    Set<String> tasks = new LinkedHashSet<>();
    tasks.add(ti.taskId());
    if (upstream) {
      tasks.addAll(dag.graph().getAncestors(ti.taskId()));
    }
    if (downstream) {
      tasks.addAll(dag.descendants(ti.taskId()));
    }
    DagRunRecord run = runs.find(ti.dagId(), ti.runId()).orElseThrow();
    List<DagRunRecord> chosen = new ArrayList<>();
    Instant at = when(run);
    for (DagRunRecord other : runs.list(ti.dagId())) {
      Instant otherAt = when(other);
      if (other.runId().equals(run.runId())
          || (past && otherAt.isBefore(at))
          || (future && otherAt.isAfter(at))) {
        chosen.add(other);
      }
    }
    List<TaskInstanceRecord> selected = new ArrayList<>();
    for (DagRunRecord other : chosen) {
      for (TaskInstanceRecord candidate : instances.listForRun(ti.dagId(), other.runId())) {
        boolean sameIndex =
            !candidate.taskId().equals(ti.taskId()) || candidate.mapIndex() == ti.mapIndex();
        if (tasks.contains(candidate.taskId()) && sameIndex && candidate.state() != target) {
          selected.add(candidate);
        }
      }
    }
    return selected;
  }

  private static Instant when(DagRunRecord run) {
    return run.logicalDate() != null ? run.logicalDate() : run.runAfter();
  }

  private void apply(List<TaskInstanceRecord> affected, TaskState target) {
    Set<TaskState> any = EnumSet.allOf(TaskState.class);
    Set<TaskState> anyOrNone = TaskInstanceRepository.noStateOr(any.toArray(TaskState[]::new));
    Instant now = context.clock().instant();
    Set<String> touchedRuns = new LinkedHashSet<>();
    for (TaskInstanceRecord t : affected) {
      instances.transition(t.id(), anyOrNone, target, TransitionDetails.at(now));
      touchedRuns.add(t.runId());
    }
    // As Airflow: a finished run is queued again, so the scheduler settles its state anew.
    for (String runId : touchedRuns) {
      runs.transition(affected.getFirst().dagId(), runId, FINISHED_RUNS, DagRunState.QUEUED, now);
    }
  }
}
