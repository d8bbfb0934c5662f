package dev.updraft.web.api.internal.dags;

import dev.updraft.metadata.state.ImportErrorListing;
import dev.updraft.metadata.state.ImportErrorRecord;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.PathParams;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v2/importErrors}: why files of the dags folder failed to load. Every Updraft user may
 * read every DAG, so no stack trace is redacted.
 */
public final class ImportErrorRoutes {
  static final String PATH = "/api/v2/importErrors";

  private static final Map<String, String> ORDER_BY = orderBy();

  private final ApiContext context;
  private final ImportErrorListing errors;

  public ImportErrorRoutes(ApiContext context) {
    this.context = context;
    this.errors = new ImportErrorListing(context.db());
  }

  private static Map<String, String> orderBy() {
    Map<String, String> order = new LinkedHashMap<>(ImportErrorListing.columns());
    order.put("import_error_id", "id");
    return order;
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.get(PATH + "/{import_error_id}", this::get);
  }

  private void list(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    Paging paging = Paging.from(ctx, ORDER_BY, "id", new ValidationErrors());
    List<String> patterns = QueryParams.likePatterns(ctx.queryParam("filename_pattern"));
    List<Map<String, Object>> page =
        errors
            .page(
                patterns,
                paging.orderBy().stream()
                    .map(s -> new ImportErrorListing.Order(s.column(), s.descending()))
                    .toList(),
                paging.limit(),
                paging.offset())
            .stream()
            .map(ImportErrorRoutes::response)
            .toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("import_errors", page, errors.count(patterns)));
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    String raw = ctx.pathParam("import_error_id");
    long id = PathParams.integer(ctx, "import_error_id", Long::parseLong);
    ImportErrorRecord error =
        errors
            .find(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        404, "The ImportError with import_error_id: `" + raw + "` was not found"));
    JsonResponses.respond(ctx, 200, response(error));
  }

  private static Map<String, Object> response(ImportErrorRecord error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("import_error_id", error.id());
    body.put("timestamp", ApiTimes.format(error.timestamp()));
    body.put("filename", error.filename());
    body.put("bundle_name", error.bundleName());
    body.put("stack_trace", error.stacktrace() == null ? "" : error.stacktrace());
    return body;
  }
}
