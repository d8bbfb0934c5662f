package dev.updraft.web.api.internal.dagruns;

import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunEdits;
import dev.updraft.metadata.state.DagRunListing;
import dev.updraft.metadata.state.DagRunQuery;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunView;
import dev.updraft.metadata.state.DuplicateDagRunException;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RunParams;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/dags/{dag_id}/dagRuns}: trigger, list ({@code ~} for all DAGs), batch list, get,
 * patch (state and note), delete and wait, as Airflow's DAG run routes. Clearing is elsewhere.
 */
public final class DagRunRoutes {
  static final String PATH = "/api/v2/dags/{dag_id}/dagRuns";

  private static final List<String> PATCH_STATES = List.of("queued", "success", "failed");

  private final ApiContext context;
  private final DagRepository dags;
  private final DagRunRepository runs;
  private final DagRunListing listing;
  private final DagRunEdits edits;
  private final DagRunStates states;
  private final DagRunWaiter waiter;

  public DagRunRoutes(ApiContext context) {
    this.context = context;
    this.dags = new DagRepository(context.db(), context.clock());
    this.runs = new DagRunRepository(context.db(), context.clock());
    this.listing = new DagRunListing(context.db());
    this.edits = new DagRunEdits(context.db(), context.clock());
    this.states =
        new DagRunStates(
            context.db(),
            runs,
            new TaskInstanceRepository(context.db(), context.clock()),
            context.clock());
    this.waiter = new DagRunWaiter(runs, new XComRepository(context.db(), context.clock()));
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH, this::trigger);
    app.post(PATH + "/list", this::listBatch);
    app.get(PATH + "/{dag_run_id}", this::get);
    app.patch(PATH + "/{dag_run_id}", this::patch);
    app.delete(PATH + "/{dag_run_id}", this::delete);
    app.get(PATH + "/{dag_run_id}/wait", this::waitForRun);
  }

  private void trigger(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    DagRunTrigger trigger = DagRunTrigger.read(body, errors, context.clock().instant());
    errors.throwIfAny();
    context.audit().record("trigger_dag_run", user, dagId, trigger.runId(), null, body.plain());
    DagRecord dag =
        dags.find(dagId)
            .filter(d -> !d.isStale())
            .orElseThrow(() -> new ApiException(404, "DAG with dag_id: '" + dagId + "' not found"));
    if (dag.hasImportErrors()) {
      throw new ApiException(
          400, "DAG with dag_id: '" + dagId + "' has import errors and cannot be triggered");
    }
    CompiledDag compiled =
        context
            .dags()
            .find(dagId)
            .orElseThrow(() -> new ApiException(404, "DAG with dag_id: '" + dagId + "' not found"));
    try {
      // Fails naming the param, as the run itself would, before anything is written.
      RunParams.resolve(compiled.dag(), trigger.conf());
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, e.getMessage());
    }
    DagRunRecord created;
    try {
      created = runs.create(trigger.toRun(compiled, Json.write(trigger.conf()), "rest_api"));
    } catch (DuplicateDagRunException e) {
      throw duplicate(e);
    }
    edits.setTriggeringUser(dagId, created.runId(), user.username());
    // Read before waking the scheduler: the answer is the run as created (queued), as Airflow's.
    DagRunView queued = existing(dagId, created.runId());
    context.afterChange().run();
    JsonResponses.respond(ctx, 200, DagRunResponses.of(queued));
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    DagRunQuery query = DagRunFilters.fromQuery(ctx, dagId);
    if (!"~".equals(dagId) && dags.serialized(dagId).isEmpty()) {
      throw new ApiException(404, "The Dag with ID: `" + dagId + "` was not found");
    }
    respondPage(ctx, query);
  }

  private void listBatch(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    ValidationErrors errors = new ValidationErrors();
    if (!"~".equals(dagId)) {
      errors.add(
          "literal_error",
          List.of("path", "dag_id"),
          "Input should be '~'",
          dagId,
          Map.of("expected", "'~'"));
    }
    JsonBody body = JsonBody.read(ctx, errors);
    DagRunQuery query = DagRunFilters.fromBody(body, errors);
    respondPage(ctx, query);
  }

  private void respondPage(Context ctx, DagRunQuery query) {
    List<Map<String, Object>> page = listing.page(query).stream().map(DagRunResponses::of).toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("dag_runs", page, listing.count(query)));
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    JsonResponses.respond(
        ctx,
        200,
        DagRunResponses.of(existing(ctx.pathParam("dag_id"), ctx.pathParam("dag_run_id"))));
  }

  private void patch(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(Set.of("state", "note"));
    String state = body.string("state", false, true, null);
    if (state != null && !PATCH_STATES.contains(state)) {
      errors.add(
          "enum",
          List.of("body", "state"),
          "Input should be " + ValidationErrors.choices(PATCH_STATES),
          state,
          Map.of("expected", ValidationErrors.choices(PATCH_STATES)));
    }
    String note = body.string("note", false, true, 1000);
    errors.throwIfAny();
    context.audit().record("patch_dag_run", user, dagId, runId, null, body.plain());
    existing(dagId, runId);
    if (context.dags().find(dagId).isEmpty()) {
      throw new ApiException(404, "Dag with id " + dagId + " was not found");
    }
    Set<String> fields = new HashSet<>(body.fieldNames());
    List<String> mask = ctx.queryParams("update_mask").stream().map(String::strip).toList();
    if (!mask.isEmpty()) {
      fields.retainAll(mask);
    }
    if (fields.contains("state") && state != null) {
      states.set(dagId, runId, DagRunState.valueOf(state.toUpperCase(java.util.Locale.ROOT)));
      context.afterChange().run();
    }
    if (fields.contains("note")) {
      edits.setNote(dagId, runId, note);
    }
    JsonResponses.respond(ctx, 200, DagRunResponses.of(existing(dagId, runId)));
  }

  private void delete(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    context.audit().record("delete_dag_run", user, dagId, runId, null, null);
    // Its task instances, their history and XComs go with it (foreign keys cascade).
    if (!runs.delete(dagId, runId)) {
      throw DagRunResponses.notFound(dagId, runId);
    }
    ctx.status(204);
  }

  private void waitForRun(Context ctx) throws IOException, InterruptedException {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    ValidationErrors errors = new ValidationErrors();
    Duration interval = interval(ctx, errors);
    errors.throwIfAny();
    existing(dagId, runId);
    ctx.status(200).contentType("application/x-ndjson");
    // The servlet's own stream, not Javalin's (which may compress and buffer): each line is
    // flushed to the client as it is written.
    OutputStream out = ctx.res().getOutputStream();
    try {
      waiter.wait(dagId, runId, interval, ctx.queryParams("result"), out);
    } catch (IOException clientGone) {
      // The client stopped listening; nothing is left to tell it.
    }
  }

  /** The required {@code interval} query parameter: seconds, more than zero. */
  private static Duration interval(Context ctx, ValidationErrors errors) {
    String raw = ctx.queryParam("interval");
    if (raw == null) {
      errors.add("missing", List.of("query", "interval"), "Field required", null);
      return null;
    }
    double seconds;
    try {
      seconds = Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      errors.add(
          "float_parsing",
          List.of("query", "interval"),
          "Input should be a valid number, unable to parse string as a number",
          raw);
      return null;
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      errors.add(
          "greater_than",
          List.of("query", "interval"),
          "Input should be greater than 0",
          raw,
          Map.of("gt", 0.0));
      return null;
    }
    // At least 50 ms between polls: a tiny interval must not turn the stream into a busy loop.
    return Duration.ofNanos(
        Math.max(MIN_WAIT_INTERVAL_NANOS, (long) Math.min(seconds * 1e9, 3.6e12)));
  }

  private static final long MIN_WAIT_INTERVAL_NANOS = 50_000_000L;

  private DagRunView existing(String dagId, String runId) {
    return listing.find(dagId, runId).orElseThrow(() -> DagRunResponses.notFound(dagId, runId));
  }

  /** Airflow answers the unique-constraint violation with this 409 detail object. */
  private static ApiException duplicate(DuplicateDagRunException e) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", "Unique constraint violation");
    detail.put(
        "statement",
        "INSERT INTO dag_run (dag_id, run_id, run_type, state, logical_date, data_interval_start,"
            + " data_interval_end, run_after, conf, triggered_by) VALUES (...)");
    detail.put("orig_error", e.getMessage());
    return new ApiException(409, detail);
  }
}
