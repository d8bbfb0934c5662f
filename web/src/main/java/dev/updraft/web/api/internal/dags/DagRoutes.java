package dev.updraft.web.api.internal.dags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagCatalog;
import dev.updraft.metadata.state.DagDeletion;
import dev.updraft.metadata.state.DagListing;
import dev.updraft.metadata.state.DagQuery;
import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagVersionRepository;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/dags}: list (with Airflow's filters), get, details, pause or unpause one or many,
 * and delete, as Airflow's DAG routes.
 */
public final class DagRoutes {
  static final String PATH = "/api/v2/dags";

  private final ApiContext context;
  private final DagRepository dags;
  private final DagListing listing;
  private final DagCatalog catalog;
  private final DagVersionRepository versions;
  private final DagDeletion deletion;

  public DagRoutes(ApiContext context) {
    this.context = context;
    this.dags = new DagRepository(context.db(), context.clock());
    this.listing = new DagListing(context.db());
    this.catalog = new DagCatalog(context.db());
    this.versions = new DagVersionRepository(context.db());
    this.deletion = new DagDeletion(context.db());
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.patch(PATH, this::patchMany);
    app.get(PATH + "/{dag_id}", this::get);
    app.get(PATH + "/{dag_id}/details", this::details);
    app.patch(PATH + "/{dag_id}", this::patch);
    app.delete(PATH + "/{dag_id}", this::delete);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    Paging paging = Paging.from(ctx, DagFilters.ORDER_BY, "dag_id", errors);
    DagQuery query = DagFilters.forList(ctx, paging, errors);
    List<Map<String, Object>> page = listing.page(query).stream().map(DagResponses::of).toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("dags", page, listing.count(query)));
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    DagLookup.serialized(dags, dagId);
    JsonResponses.respond(ctx, 200, DagResponses.of(row(dagId)));
  }

  private void details(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    JsonNode serialized = DagLookup.serialized(dags, dagId);
    DagRecord dag = row(dagId);
    JsonResponses.respond(
        ctx,
        200,
        DagResponses.details(
            dag, serialized, versions.find(dagId, null).orElse(null), catalog.activeRuns(dagId)));
  }

  private void patch(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.EDIT);
    String dagId = ctx.pathParam("dag_id");
    boolean paused = readBody(ctx, user, "patch_dag", dagId);
    DagRecord dag =
        dags.find(dagId)
            .orElseThrow(() -> new ApiException(404, "Dag with id: " + dagId + " was not found"));
    checkMask(ctx);
    dags.setPaused(dagId, paused);
    if (dag.isPaused() && !paused) {
      // Unpaused: the scheduler works out the next run now rather than at its next poll.
      context.afterChange().run();
    }
    JsonResponses.respond(ctx, 200, DagResponses.of(row(dagId)));
  }

  private void patchMany(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.EDIT);
    boolean paused = readBody(ctx, user, "patch_dags", null);
    checkMask(ctx);
    ValidationErrors errors = new ValidationErrors();
    Paging paging = Paging.from(ctx, Map.of("dag_id", "dag_id"), "dag_id", errors);
    DagQuery query = DagFilters.forBulk(ctx, paging, errors);
    // The page and total as matched before the change; the page then shows the new flag.
    List<DagRecord> page = listing.page(query);
    long total = listing.count(query);
    // As Airflow: the page read is what changes (limit and offset apply), not every match.
    listing.setPaused(page.stream().map(DagRecord::dagId).toList(), paused);
    if (!paused) {
      context.afterChange().run();
    }
    List<Map<String, Object>> body =
        page.stream()
            .map(
                dag -> {
                  Map<String, Object> response = DagResponses.of(dag);
                  response.put("is_paused", paused);
                  return response;
                })
            .toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("dags", body, total));
  }

  private void delete(Context ctx) {
    SimpleUser user = context.auth().require(ctx, Permission.EDIT);
    String dagId = ctx.pathParam("dag_id");
    context.audit().record("delete_dag", user, dagId, null, null, Map.of("dag_id", dagId));
    switch (deletion.delete(dagId)) {
      case NOT_FOUND -> throw new ApiException(404, "Dag with id: " + dagId + " was not found");
      case TASKS_RUNNING ->
          throw new ApiException(
              409, "Task instances of dag with id: '" + dagId + "' are still running");
      case DELETED -> ctx.status(204);
    }
  }

  // DAGPatchBody: is_paused, required, and nothing else; recorded in the event log once valid.
  private boolean readBody(Context ctx, SimpleUser user, String event, String dagId) {
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(Set.of("is_paused"));
    Boolean paused = body.bool("is_paused", true, false);
    errors.throwIfAny();
    context.audit().record(event, user, dagId, null, null, body.plain());
    return paused;
  }

  private static void checkMask(Context ctx) {
    List<String> mask = ctx.queryParams("update_mask");
    if (!mask.isEmpty() && !mask.equals(List.of("is_paused"))) {
      throw new ApiException(400, "Only `is_paused` field can be updated through the REST API");
    }
  }

  private DagRecord row(String dagId) {
    return dags.find(dagId)
        .orElseThrow(
            () -> new ApiException(404, "Unable to obtain dag with id " + dagId + " from session"));
  }
}
