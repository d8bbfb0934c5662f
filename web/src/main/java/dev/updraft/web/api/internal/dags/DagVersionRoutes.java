package dev.updraft.web.api.internal.dags;

import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagVersionQuery;
import dev.updraft.metadata.state.DagVersionRecord;
import dev.updraft.metadata.state.DagVersionRepository;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.PathParams;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/v2/dags/{dag_id}/dagVersions}: a DAG's versions ({@code ~}: every DAG's). */
public final class DagVersionRoutes {
  static final String PATH = "/api/v2/dags/{dag_id}/dagVersions";

  private static final Map<String, String> ORDER_BY =
      Map.of(
          "id", "id",
          "version_number", "version_number",
          "bundle_name", "bundle_name",
          "bundle_version", "bundle_version");

  private final ApiContext context;
  private final DagRepository dags;
  private final DagVersionRepository versions;

  public DagVersionRoutes(ApiContext context) {
    this.context = context;
    this.dags = new DagRepository(context.db(), context.clock());
    this.versions = new DagVersionRepository(context.db());
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.get(PATH + "/{version_number}", this::get);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    ValidationErrors errors = new ValidationErrors();
    Paging paging = Paging.from(ctx, ORDER_BY, "id", errors);
    Integer versionNumber =
        ctx.queryParam("version_number") == null
            ? null
            : QueryParams.integer(ctx, "version_number", 0, Integer.MIN_VALUE, errors);
    errors.throwIfAny();
    if (!dagId.equals("~")) {
      DagLookup.serialized(dags, dagId);
    }
    DagVersionQuery query =
        new DagVersionQuery(
            dagId.equals("~") ? null : dagId,
            versionNumber,
            ctx.queryParam("bundle_name"),
            ctx.queryParam("bundle_version"),
            paging.orderBy().stream()
                .map(sort -> new DagVersionQuery.Order(sort.column(), sort.descending()))
                .toList(),
            paging.limit(),
            paging.offset());
    List<Map<String, Object>> page =
        versions.page(query).stream().map(DagResponses::version).toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("dag_versions", page, versions.count(query)));
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String dagId = ctx.pathParam("dag_id");
    int number = PathParams.integer(ctx, "version_number", Integer::parseInt);
    DagVersionRecord version =
        versions
            .find(dagId, number)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "The DagVersion with dag_id: `"
                            + dagId
                            + "` and version_number: `"
                            + number
                            + "` was not found"));
    JsonResponses.respond(ctx, 200, DagResponses.version(version));
  }
}
