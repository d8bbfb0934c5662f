package dev.updraft.web.api;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.AuditLog;
import dev.updraft.web.api.internal.OpenApiDocument;
import dev.updraft.web.api.internal.connections.ConnectionRoutes;
import dev.updraft.web.api.internal.pools.PoolRoutes;
import dev.updraft.web.api.internal.variables.VariableRoutes;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.server.RouteGroup;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import java.time.Clock;

/**
 * Airflow 3's public REST API, {@code /api/v2}, as its spec (served at {@value #OPENAPI_PATH})
 * describes it: bearer-token authentication on every route but health, version and the spec,
 * FastAPI-shaped errors, an event-log row per change. Mount it with {@code ApiServer.builder(db,
 * auth).routes(new PublicApi(db, auth, clock))}.
 */
public final class PublicApi implements RouteGroup {
  public static final String PREFIX = "/api/v2";
  public static final String OPENAPI_PATH = PREFIX + "/openapi.json";
  public static final String DOCS_PATH = PREFIX + "/docs";

  private final ApiAuth auth;
  private final PoolRoutes pools;
  private final ConnectionRoutes connections;
  private final VariableRoutes variables;

  /** The API with connection secrets under the key of {@value SecretCipher#KEY_VARIABLE}. */
  public PublicApi(MetadataDatabase db, SimpleAuthManager auth, Clock clock) {
    this(db, auth, clock, SecretCipher.fromEnvironment(System.getenv()));
  }

  /** The API with connection secrets encrypted by {@code cipher}. */
  public PublicApi(MetadataDatabase db, SimpleAuthManager auth, Clock clock, SecretCipher cipher) {
    this.auth = new ApiAuth(auth);
    AuditLog audit = new AuditLog(new EventLogRepository(db, clock));
    this.pools = new PoolRoutes(new PoolRepository(db), this.auth, audit);
    this.connections = new ConnectionRoutes(new ConnectionRepository(db, cipher), this.auth, audit);
    this.variables = new VariableRoutes(new VariableRepository(db), this.auth, audit);
  }

  @Override
  public void register(Javalin app) {
    app.before(PREFIX + "/*", auth::authenticate);
    app.exception(
        ApiException.class, (e, ctx) -> JsonResponses.detail(ctx, e.status(), e.detail()));
    // A server without UPDRAFT_SECRET_KEY cannot store or read connection secrets: say so.
    app.exception(
        SecretCipher.MissingKeyException.class,
        (e, ctx) -> JsonResponses.detail(ctx, 500, e.getMessage()));
    app.get(
        OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(OpenApiDocument.json()));
    app.get(DOCS_PATH, ctx -> ctx.html(OpenApiDocument.docsHtml()));
    pools.register(app);
    connections.register(app);
    variables.register(app);
  }
}
