package dev.updraft.web.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow 3's simple auth manager login under {@value #PREFIX}: {@code POST /auth/token} takes
 * {@code {"username", "password"}} as JSON or a form and answers 201 {@code {"access_token": JWT}};
 * {@code GET /auth/token} gives a token without credentials only when everyone is admin.
 */
public final class LoginRoutes implements RouteGroup {
  /** Where Airflow mounts the simple auth manager. */
  public static final String PREFIX = "/auth";

  private static final String FORM = "application/x-www-form-urlencoded";

  private final SimpleAuthManager auth;

  public LoginRoutes(SimpleAuthManager auth) {
    this.auth = auth;
  }

  @Override
  public void register(Javalin app) {
    app.post(PREFIX + "/token", this::createToken);
    app.get(PREFIX + "/token", this::createTokenAllAdmins);
  }

  private void createToken(Context ctx) {
    Optional<Map<String, Object>> body = body(ctx);
    if (body.isEmpty()) {
      return;
    }
    Map<String, Object> fields = body.get();
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String field : List.of("username", "password")) {
      Object value = fields.get(field);
      if (value == null) {
        errors.add(
            JsonResponses.validationError(
                "missing", List.of("body", field), "Field required", fields));
      } else if (!(value instanceof String)) {
        errors.add(
            JsonResponses.validationError(
                "string_type", List.of("body", field), "Input should be a valid string", value));
      }
    }
    if (!errors.isEmpty()) {
      JsonResponses.detail(ctx, 422, errors);
      return;
    }
    String username = (String) fields.get("username");
    String password = (String) fields.get("password");
    if (auth.allAdmins()) {
      created(ctx, SimpleAuthManager.ANONYMOUS_ADMIN);
      return;
    }
    if (username.isEmpty() || password.isEmpty()) {
      JsonResponses.detail(ctx, 400, "Username and password must be provided");
      return;
    }
    Optional<SimpleUser> user = auth.authenticate(username, password);
    if (user.isEmpty()) {
      JsonResponses.detail(ctx, 401, "Invalid credentials");
      return;
    }
    created(ctx, user.get());
  }

  private void createTokenAllAdmins(Context ctx) {
    if (!auth.allAdmins()) {
      JsonResponses.detail(
          ctx,
          403,
          "This method is only allowed if ``[core] simple_auth_manager_all_admins`` is True");
      return;
    }
    created(ctx, SimpleAuthManager.ANONYMOUS_ADMIN);
  }

  private void created(Context ctx, SimpleUser user) {
    JsonResponses.respond(ctx, 201, Map.of("access_token", auth.issueToken(user)));
  }

  /** The login fields of a JSON or form body; empty after answering an error. */
  private static Optional<Map<String, Object>> body(Context ctx) {
    String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
    if (contentType.startsWith(FORM)) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("username", ctx.formParam("username"));
      fields.put("password", ctx.formParam("password"));
      return Optional.of(fields);
    }
    if (!contentType.startsWith("application/json")) {
      JsonResponses.detail(ctx, 415, "Unsupported Media Type");
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = JsonResponses.mapper().readTree(ctx.body());
    } catch (Exception e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      JsonResponses.detail(
          ctx,
          422,
          List.of(
              JsonResponses.validationError(
                  "json_invalid", List.of("body", 0), "JSON decode error", Map.of())));
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e ->
                fields.put(
                    e.getKey(), JsonResponses.mapper().convertValue(e.getValue(), Object.class)));
    return Optional.of(fields);
  }
}
