package dev.updraft.web.api.internal.catalog;

import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /api/v2/plugins}, {@code /plugins/importErrors} and {@code /providers}: Updraft loads no
 * Airflow plugins or provider packages, so each is an empty collection in Airflow's shape.
 */
public final class CatalogRoutes {
  private final ApiAuth auth;

  public CatalogRoutes(ApiAuth auth) {
    this.auth = auth;
  }

  public void register(Javalin app) {
    app.get("/api/v2/plugins", ctx -> empty(ctx, "plugins", true));
    app.get("/api/v2/plugins/importErrors", ctx -> empty(ctx, "import_errors", false));
    app.get("/api/v2/providers", ctx -> empty(ctx, "providers", true));
  }

  private void empty(Context ctx, String field, boolean paged) {
    auth.require(ctx, Permission.READ);
    if (paged) {
      // The paging parameters are still checked, as Airflow's 422s show.
      ValidationErrors errors = new ValidationErrors();
      QueryParams.integer(ctx, "limit", 50, 0, errors);
      QueryParams.integer(ctx, "offset", 0, 0, errors);
      errors.throwIfAny();
    }
    JsonResponses.respond(ctx, 200, QueryParams.collection(field, List.of(), 0));
  }
}
