package dev.updraft.web.api.internal.backfills;

import dev.updraft.metadata.state.BackfillListing;
import dev.updraft.metadata.state.BackfillRecord;
import dev.updraft.scheduler.backfill.BackfillCreator;
import dev.updraft.scheduler.backfill.BackfillOutcome;
import dev.updraft.scheduler.backfill.InvalidBackfillException;
import dev.updraft.scheduler.backfill.internal.BackfillRows;
import dev.updraft.scheduler.timetable.DagRunInfo;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v2/backfills}: create, dry run, list (per DAG), get, pause, unpause and cancel, as
 * Airflow's backfill routes, over {@link BackfillCreator}.
 */
public final class BackfillRoutes {
  static final String PATH = "/api/v2/backfills";

  private final ApiContext context;
  private final BackfillListing backfills;
  private final BackfillCreator creator;
  private final BackfillRows rows;

  public BackfillRoutes(ApiContext context) {
    this.context = context;
    this.backfills = new BackfillListing(context.db(), context.clock());
    this.creator = new BackfillCreator(context.db(), context.clock());
    this.rows = new BackfillRows(context.db());
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH, this::create);
    app.post(PATH + "/dry_run", this::dryRun);
    app.get(PATH + "/{backfill_id}", this::get);
    app.put(PATH + "/{backfill_id}/pause", ctx -> setPaused(ctx, true));
    app.put(PATH + "/{backfill_id}/unpause", ctx -> setPaused(ctx, false));
    app.put(PATH + "/{backfill_id}/cancel", this::cancel);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    String dagId = ctx.queryParam("dag_id");
    if (dagId == null) {
      errors.add("missing", List.of("query", "dag_id"), "Field required", null);
    }
    Paging paging = Paging.from(ctx, Map.of("id", "id"), "id", errors);
    errors.throwIfAny();
    refreshCompletion(dagId);
    boolean descending = paging.orderBy().getFirst().descending();
    List<Map<String, Object>> page =
        backfills.page(dagId, descending, paging.limit(), paging.offset()).stream()
            .map(BackfillResponses::of)
            .toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("backfills", page, backfills.count(dagId)));
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    long id = backfillId(ctx);
    backfills.find(id).ifPresent(b -> refreshCompletion(b.dagId()));
    JsonResponses.respond(ctx, 200, BackfillResponses.of(existing(id)));
  }

  private void create(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    BackfillInput input = BackfillInput.read(body, errors);
    errors.throwIfAny();
    context.audit().record("create_backfill", user, input.dagId(), null, null, body.plain());
    CompiledDag dag = dag(input.dagId());
    if (rows.completeFinishedAndCountActive(input.dagId(), context.clock().instant()) > 0) {
      throw running(input.dagId());
    }
    BackfillOutcome outcome;
    try {
      outcome = creator.create(dag, input.toRequest(user.username()));
    } catch (InvalidBackfillException e) {
      if (e.getMessage().startsWith("Another backfill is running")) {
        throw running(input.dagId());
      }
      throw invalid(e);
    }
    context.afterChange().run();
    JsonResponses.respond(ctx, 200, BackfillResponses.of(existing(outcome.backfillId())));
  }

  private void dryRun(Context ctx) {
    context.auth().require(ctx, Permission.TRIGGER);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    BackfillInput input = BackfillInput.read(body, errors);
    errors.throwIfAny();
    CompiledDag dag = dag(input.dagId());
    List<DagRunInfo> infos;
    try {
      infos = creator.dryRun(dag, input.toRequest(null));
    } catch (InvalidBackfillException e) {
      throw invalid(e);
    }
    List<Map<String, Object>> dates =
        infos.stream()
            .map(
                info -> {
                  Map<String, Object> date = new LinkedHashMap<>();
                  date.put("logical_date", ApiTimes.format(info.logicalDate()));
                  date.put("partition_key", null);
                  date.put("partition_date", null);
                  return date;
                })
            .toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("backfills", dates, dates.size()));
  }

  private void setPaused(Context ctx, boolean paused) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    long id = backfillId(ctx);
    context
        .audit()
        .record(paused ? "pause_backfill" : "unpause_backfill", user, null, null, null, id(id));
    BackfillRecord backfill = changeable(id);
    if (backfill.isPaused() != paused) {
      backfills.setPaused(id, paused);
      context.afterChange().run();
    }
    JsonResponses.respond(ctx, 200, BackfillResponses.of(existing(id)));
  }

  private void cancel(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.TRIGGER);
    long id = backfillId(ctx);
    context.audit().record("cancel_backfill", user, null, null, null, id(id));
    changeable(id);
    backfills.cancel(id);
    context.afterChange().run();
    JsonResponses.respond(ctx, 200, BackfillResponses.of(existing(id)));
  }

  private static Map<String, Object> id(long id) {
    return Map.of("backfill_id", id);
  }

  /** The backfill, if it exists (else 404) and has not completed (else 409). */
  private BackfillRecord changeable(long id) {
    ApiException notFound = new ApiException(404, "Could not find backfill with id " + id);
    refreshCompletion(backfills.find(id).orElseThrow(() -> notFound).dagId());
    BackfillRecord backfill = backfills.find(id).orElseThrow(() -> notFound);
    if (backfill.completedAt() != null) {
      throw new ApiException(409, "Backfill is already completed.");
    }
    return backfill;
  }

  /**
   * Marks complete the DAG's backfills none of whose runs is queued or running: Airflow's scheduler
   * does so as runs end; here it is done before a backfill is shown or changed.
   */
  private void refreshCompletion(String dagId) {
    rows.completeFinishedAndCountActive(dagId, context.clock().instant());
  }

  private BackfillRecord existing(long id) {
    return backfills.find(id).orElseThrow(() -> new ApiException(404, "Backfill not found"));
  }

  private CompiledDag dag(String dagId) {
    return context
        .dags()
        .find(dagId)
        .orElseThrow(() -> new ApiException(404, "Could not find dag " + dagId));
  }

  /** The {@code backfill_id} path parameter: a non-negative integer (else FastAPI's 422). */
  private static long backfillId(Context ctx) {
    String raw = ctx.pathParam("backfill_id");
    ValidationErrors errors = new ValidationErrors();
    try {
      long id = Long.parseLong(raw);
      if (id >= 0) {
        return id;
      }
      errors.add(
          "greater_than_equal",
          List.of("path", "backfill_id"),
          "Input should be greater than or equal to 0",
          raw,
          Map.of("ge", 0));
    } catch (NumberFormatException e) {
      errors.add(
          "int_parsing",
          List.of("path", "backfill_id"),
          "Input should be a valid integer, unable to parse string as an integer",
          raw);
    }
    throw errors.toException();
  }

  private static ApiException running(String dagId) {
    return new ApiException(409, "There is already a running backfill for dag " + dagId);
  }

  /**
   * Airflow raises these as a {@code RequestValidationError} carrying the message; here it is one
   * pydantic-shaped error so the 422 keeps the spec's shape.
   */
  private static ApiException invalid(InvalidBackfillException e) {
    ValidationErrors errors = new ValidationErrors();
    errors.add("value_error", List.of("body"), e.getMessage(), null);
    return errors.toException();
  }
}
