package dev.updraft.web.api.internal.variables;

import dev.updraft.metadata.state.VariableRecord;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.AuditLog;
import dev.updraft.web.api.internal.BulkActions;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v2/variables}: list, get, create, patch, delete and bulk, as Airflow's variables
 * routes. Viewers read; ops and admins change.
 */
public final class VariableRoutes {
  static final String PATH = "/api/v2/variables";

  /**
   * Airflow's variable sort attributes. {@code _val} is the value column; {@code team_name} is
   * always null here, so it sorts as the primary key.
   */
  private static final Map<String, String> ORDER_BY =
      Map.of(
          "key", "key",
          "id", "id",
          "_val", "val",
          "description", "description",
          "is_encrypted", "is_encrypted",
          "team_name", "id");

  private final VariableRepository variables;
  private final ApiAuth auth;
  private final AuditLog audit;
  private final BulkActions<VariableInput> bulk;

  public VariableRoutes(VariableRepository variables, ApiAuth auth, AuditLog audit) {
    this.variables = variables;
    this.auth = auth;
    this.audit = audit;
    this.bulk = new BulkActions<>(new VariableBulkTarget(variables), "variables with these keys");
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH, this::create);
    app.patch(PATH, this::bulk);
    // As Airflow's {variable_key:path}: keys may contain slashes.
    app.get(PATH + "/<variable_key>", this::get);
    app.patch(PATH + "/<variable_key>", this::patch);
    app.delete(PATH + "/<variable_key>", this::delete);
  }

  private void list(Context ctx) {
    auth.require(ctx, Permission.READ);
    Paging paging = Paging.from(ctx, ORDER_BY, "id", new ValidationErrors());
    List<VariableRepository.Sort> order = new ArrayList<>();
    paging
        .orderBy()
        .forEach(sort -> order.add(new VariableRepository.Sort(sort.column(), sort.descending())));
    if (order.stream().noneMatch(o -> o.column().equals("id"))) {
      // As Airflow: the primary key breaks ties, so pages neither repeat nor skip rows.
      order.add(new VariableRepository.Sort("id", false));
    }
    List<String> patterns = QueryParams.likePatterns(ctx.queryParam("variable_key_pattern"));
    List<Map<String, Object>> page =
        variables.page(patterns, order, paging.limit(), paging.offset()).stream()
            .map(VariableResponses::of)
            .toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("variables", page, variables.count(patterns)));
  }

  private void get(Context ctx) {
    auth.require(ctx, Permission.READ);
    JsonResponses.respond(ctx, 200, VariableResponses.of(existing(ctx.pathParam("variable_key"))));
  }

  private void create(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.VARIABLES);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    VariableInput input = VariableInput.read(body);
    errors.throwIfAny();
    audit.record("post_variable", user, body.plain());
    if (variables.find(input.key()).isPresent()) {
      throw duplicate(input.key());
    }
    try {
      variables.create(input.key(), input.value(), input.description());
    } catch (IllegalArgumentException e) {
      // Lost a race with another create of the same key.
      throw duplicate(input.key());
    }
    JsonResponses.respond(ctx, 201, VariableResponses.of(existing(input.key())));
  }

  private void patch(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.VARIABLES);
    String key = ctx.pathParam("variable_key");
    List<String> mask = ctx.queryParams("update_mask").stream().map(String::strip).toList();
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    VariableInput input = VariableInput.read(body);
    errors.throwIfAny();
    audit.record("patch_variable", user, body.plain());
    VariableRecord updated = update(key, input, mask, body.fieldNames());
    JsonResponses.respond(ctx, 200, VariableResponses.of(updated));
  }

  /**
   * Airflow's {@code update_orm_from_pydantic}: the body's key must be the path's; with a mask only
   * the fields it names change, without one every field sent.
   */
  static VariableRecord update(
      VariableRepository variables,
      String key,
      VariableInput input,
      List<String> mask,
      List<String> sent) {
    if (!input.key().equals(key)) {
      throw new ApiException(
          400, "Invalid body, key from request body doesn't match uri parameter");
    }
    VariableRecord current = variables.find(key).orElseThrow(() -> notFound(key));
    List<String> fields = mask.isEmpty() ? sent : mask;
    String value = fields.contains("value") ? input.value() : current.value();
    String description =
        fields.contains("description") ? input.description() : current.description();
    variables.set(key, value, description);
    return variables.find(key).orElseThrow(() -> notFound(key));
  }

  private VariableRecord update(
      String key, VariableInput input, List<String> mask, List<String> sent) {
    return update(variables, key, input, mask, sent);
  }

  private void delete(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.VARIABLES);
    String key = ctx.pathParam("variable_key");
    audit.record("delete_variable", user, Map.of("variable_key", key));
    if (!variables.delete(key)) {
      throw notFound(key);
    }
    ctx.status(204);
  }

  private void bulk(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.VARIABLES);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    List<BulkActions.Action<VariableInput>> actions = bulk.read(body, errors);
    errors.throwIfAny();
    audit.record("bulk_variables", user, body.plain());
    JsonResponses.respond(ctx, 200, bulk.apply(actions));
  }

  private VariableRecord existing(String key) {
    return variables.find(key).orElseThrow(() -> notFound(key));
  }

  static ApiException notFound(String key) {
    return new ApiException(404, "The Variable with key: `" + key + "` was not found");
  }

  private static ApiException duplicate(String key) {
    return new ApiException(409, "The Variable with key: `" + key + "` already exists");
  }
}
