package dev.updraft.web.api.internal;

import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.auth.TokenCheck;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Bearer-token authentication for {@code /api/v2}, answering as Airflow's {@code security.py}: no
 * token → 401 "Not authenticated" (FastAPI's OAuth2PasswordBearer, with {@code WWW-Authenticate});
 * an expired one → 401 "Token Expired"; a forged or malformed one → 403 "Invalid JWT token"; a role
 * too low → 403 "Forbidden".
 */
public final class ApiAuth {
  /** The public routes Airflow serves without a token. */
  private static final Set<String> PUBLIC =
      Set.of("/api/v2/monitor/health", "/api/v2/version", "/api/v2/openapi.json", "/api/v2/docs");

  private static final String USER = "updraft.api.user";

  private final SimpleAuthManager auth;

  public ApiAuth(SimpleAuthManager auth) {
    this.auth = auth;
  }

  /** The before-handler: resolves the request's user, or ends the request. */
  public void authenticate(Context ctx) {
    if (PUBLIC.contains(ctx.path()) || ctx.path().startsWith(SwaggerUiAssets.PATH_PREFIX)) {
      return;
    }
    String header = ctx.header("Authorization");
    String token = null;
    if (header != null) {
      int space = header.indexOf(' ');
      if (space > 0 && header.substring(0, space).equalsIgnoreCase("bearer")) {
        token = header.substring(space + 1).strip();
      }
    }
    if (token == null || token.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "Not authenticated");
    }
    TokenCheck check = auth.check(token);
    switch (check) {
      case TokenCheck.Valid valid -> ctx.attribute(USER, valid.user());
      case TokenCheck.Expired expired -> throw new ApiException(401, "Token Expired");
      case TokenCheck.Invalid invalid -> throw new ApiException(403, "Invalid JWT token");
    }
  }

  /** The authenticated user, after checking they hold {@code permission} (else 403). */
  public SimpleUser require(Context ctx, Permission permission) {
    SimpleUser user = ctx.attribute(USER);
    if (user == null) {
      // Only reachable if a route outside /api/v2 calls this: fail closed.
      throw new ApiException(401, "Not authenticated");
    }
    if (!auth.isAuthorized(user, permission)) {
      throw new ApiException(403, "Forbidden");
    }
    return user;
  }
}
