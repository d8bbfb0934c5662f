package dev.updraft.web.api.internal.dags;

import dev.updraft.metadata.state.DagCatalog;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v2/dagTags} and {@code GET /api/v2/dagStats}: summaries across DAGs. */
public final class DagCatalogRoutes {
  private final ApiContext context;
  private final DagCatalog catalog;

  public DagCatalogRoutes(ApiContext context) {
    this.context = context;
    this.catalog = new DagCatalog(context.db());
  }

  public void register(Javalin app) {
    app.get("/api/v2/dagTags", this::tags);
    app.get("/api/v2/dagStats", this::stats);
  }

  private void tags(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    Paging paging = Paging.from(ctx, Map.of("name", "name"), "name", new ValidationErrors());
    List<String> patterns = QueryParams.likePatterns(ctx.queryParam("tag_name_pattern"));
    // Tag names are the only key, so the first sort key decides.
    boolean descending = paging.orderBy().getFirst().descending();
    List<String> names = catalog.tagNames(patterns, descending, paging.limit(), paging.offset());
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("tags", names, catalog.countTagNames(patterns)));
  }

  // Each DAG with runs, every run state listed (zero where none), as Airflow.
  private void stats(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    Map<String, Map<String, Long>> counts = catalog.runCountsByState(ctx.queryParams("dag_ids"));
    List<Map<String, Object>> dags = new ArrayList<>();
    counts.forEach(
        (dagId, byState) -> {
          List<Map<String, Object>> stats = new ArrayList<>();
          for (String state : DagFilters.RUN_STATES) {
            Map<String, Object> stat = new LinkedHashMap<>();
            stat.put("state", state);
            stat.put("count", byState.getOrDefault(state, 0L));
            stats.add(stat);
          }
          Map<String, Object> dag = new LinkedHashMap<>();
          dag.put("dag_id", dagId);
          dag.put("dag_display_name", dagId);
          dag.put("stats", stats);
          dags.add(dag);
        });
    JsonResponses.respond(ctx, 200, QueryParams.collection("dags", dags, dags.size()));
  }
}
