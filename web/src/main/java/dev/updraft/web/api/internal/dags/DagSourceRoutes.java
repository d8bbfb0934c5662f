package dev.updraft.web.api.internal.dags;

import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagVersionRecord;
import dev.updraft.metadata.state.DagVersionRepository;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v2/dagSources/{dag_id}}: a DAG's code as JSON or plain text (by {@code Accept}).
 * See {@link DagSourceText} for what "code" is for a Java DAG.
 */
public final class DagSourceRoutes {
  static final String PATH = "/api/v2/dagSources/{dag_id}";

  private final ApiContext context;
  private final DagRepository dags;
  private final DagVersionRepository versions;

  public DagSourceRoutes(ApiContext context) {
    this.context = context;
    this.dags = new DagRepository(context.db(), context.clock());
    this.versions = new DagVersionRepository(context.db());
  }

  public void register(Javalin app) {
    app.get(PATH, this::get);
  }

  private void get(Context ctx) {
    context.auth().require(ctx, Permission.READ);
    boolean text = wantsText(ctx.header("Accept"));
    String dagId = ctx.pathParam("dag_id");
    ValidationErrors errors = new ValidationErrors();
    Integer requested =
        ctx.queryParam("version_number") == null
            ? null
            : QueryParams.integer(ctx, "version_number", 0, Integer.MIN_VALUE, errors);
    errors.throwIfAny();
    DagVersionRecord version =
        versions
            .find(dagId, requested)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "The source code of the DAG "
                            + dagId
                            + ", version_number "
                            + (requested == null ? "None" : requested)
                            + " was not found"));
    // The code on disk now: Updraft keeps no copy per version.
    String content = DagSourceText.of(dagId, dags.find(dagId).map(DagRecord::fileloc).orElse(null));
    if (text) {
      ctx.status(200).contentType("text/plain; charset=utf-8").result(content);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", content);
    body.put("dag_id", dagId);
    body.put("version_number", version.versionNumber());
    body.put("dag_display_name", dagId);
    JsonResponses.respond(ctx, 200, body);
  }

  // As Airflow: JSON for application/json or */* (or none), text for text/plain, else 406.
  private static boolean wantsText(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.equals("*/*")) {
        return false;
      }
      if (type.equals("text/plain")) {
        return true;
      }
    }
    throw new ApiException(406, "Only application/json or text/plain is supported");
  }
}
