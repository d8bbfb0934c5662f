package dev.updraft.web.execution;

import io.javalin.http.Context;
import java.util.UUID;

/**
 * Checks the per-try bearer token of a request: 401 when it is missing, malformed or expired, 403
 * when a route about one task instance is called with another's token.
 */
public final class TaskTokenAuth {
  private static final String BEARER = "bearer ";

  private final TaskTokens tokens;

  public TaskTokenAuth(TaskTokens tokens) {
    this.tokens = tokens;
  }

  /** The task instance whose token the request carries. */
  public UUID caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw unauthorized(ctx, "Not authenticated");
    }
    return tokens
        .verify(header.substring(BEARER.length()).trim())
        .orElseThrow(() -> unauthorized(ctx, "Invalid auth token"));
  }

  /** The task instance of path parameter {@code task_instance_id}, if the token is its own. */
  public UUID requireOwnTaskInstance(Context ctx) {
    UUID caller = caller(ctx);
    String raw = ctx.pathParam("task_instance_id");
    UUID id;
    try {
      id = UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ExecutionJson.invalidParameter(
          "path", "task_instance_id", "Input should be a valid UUID", raw);
    }
    if (!id.equals(caller)) {
      // A try may only act on itself; Airflow answers 403 when the token's subject differs.
      throw new ApiException(403, "Token subject does not match the task instance");
    }
    return id;
  }

  private static ApiException unauthorized(Context ctx, String detail) {
    ctx.header("WWW-Authenticate", "Bearer");
    return new ApiException(401, detail);
  }
}
