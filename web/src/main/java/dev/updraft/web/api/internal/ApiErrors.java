package dev.updraft.web.api.internal;

import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.InternalServerErrorResponse;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import io.javalin.util.JavalinLogger;
import java.util.Map;

/**
 * The errors FastAPI gives for {@code /api/v2} requests no route handles: 404 {@code {"detail":
 * "Not Found"}} for an unknown path, 405 {@code {"detail": "Method Not Allowed"}} with {@code
 * Allow} for a known path and another method, 413 for a body over the limit, and 500 {@code
 * {"detail": "Internal Server Error"}} for a bug (logged here, never shown to the client). Other
 * paths of the server keep Javalin's answers.
 */
public final class ApiErrors {
  private final String prefix;

  public ApiErrors(String prefix) {
    this.prefix = prefix;
  }

  public void register(Javalin app) {
    app.exception(EndpointNotFound.class, (e, ctx) -> notFound(e, ctx));
    app.exception(MethodNotAllowedResponse.class, (e, ctx) -> notAllowed(e, ctx));
    app.exception(HttpResponseException.class, (e, ctx) -> otherHttp(e, ctx));
    app.exception(
        BodyLimitFilter.TooLarge.class,
        (e, ctx) -> JsonResponses.detail(ctx, 413, BodyLimitFilter.detail(e.limit())));
    app.exception(Exception.class, (e, ctx) -> uncaught(e, ctx));
  }

  private boolean inApi(Context ctx) {
    String path = ctx.path();
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private void notFound(EndpointNotFound e, Context ctx) {
    if (inApi(ctx)) {
      JsonResponses.detail(ctx, 404, "Not Found");
    } else {
      HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
    }
  }

  private void notAllowed(MethodNotAllowedResponse e, Context ctx) {
    if (!inApi(ctx)) {
      HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
      return;
    }
    // Javalin lists the path's methods as one comma-separated detail.
    String allowed = e.getDetails().getOrDefault("availableMethods", "");
    if (!allowed.isEmpty()) {
      ctx.header("Allow", allowed.replace(",", ", ").replaceAll(" +", " ").strip());
    }
    JsonResponses.detail(ctx, 405, "Method Not Allowed");
  }

  private void otherHttp(HttpResponseException e, Context ctx) {
    if (inApi(ctx)) {
      JsonResponses.detail(ctx, e.getStatus(), e.getMessage());
    } else {
      HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
    }
  }

  private void uncaught(Exception e, Context ctx) {
    JavalinLogger.error("Uncaught exception in " + ctx.method() + " " + ctx.path(), e);
    if (inApi(ctx)) {
      JsonResponses.respond(ctx, 500, Map.of("detail", "Internal Server Error"));
    } else {
      HttpResponseExceptionMapper.INSTANCE.handle(new InternalServerErrorResponse(), ctx);
    }
  }
}
