package dev.updraft.web.api;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.AuditLog;
import dev.updraft.web.api.internal.OpenApiDocument;
import dev.updraft.web.api.internal.connections.ConnectionRoutes;
import dev.updraft.web.api.internal.pools.PoolRoutes;
import dev.updraft.web.api.internal.taskinstances.ClearRoutes;
import dev.updraft.web.api.internal.taskinstances.TaskInstanceRoutes;
import dev.updraft.web.api.internal.taskinstances.TaskLogRoutes;
import dev.updraft.web.api.internal.taskinstances.XComRoutes;
import dev.updraft.web.api.internal.variables.VariableRoutes;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.server.RouteGroup;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Airflow 3's public REST API, {@code /api/v2}, as its spec (served at {@value #OPENAPI_PATH})
 * describes it: bearer-token authentication on every route but health, version and the spec,
 * FastAPI-shaped errors, an event-log row per change. Mount it with {@code ApiServer.builder(db,
 * auth).routes(PublicApi.builder(db, auth).dags(dags).logs(logsRoot).build())}.
 */
public final class PublicApi implements RouteGroup {
  public static final String PREFIX = "/api/v2";
  public static final String OPENAPI_PATH = PREFIX + "/openapi.json";
  public static final String DOCS_PATH = PREFIX + "/docs";

  private final ApiContext context;
  private final List<Consumer<Javalin>> groups = new ArrayList<>();

  private PublicApi(Builder builder) {
    ApiAuth auth = new ApiAuth(builder.auth);
    AuditLog audit = new AuditLog(new EventLogRepository(builder.db, builder.clock));
    this.context =
        new ApiContext(
            builder.db,
            auth,
            audit,
            builder.clock,
            builder.dags,
            builder.logsRoot,
            builder.afterChange,
            builder.exposeConfig,
            builder.config);
    groups.add(new PoolRoutes(new PoolRepository(builder.db), auth, audit)::register);
    groups.add(
        new ConnectionRoutes(new ConnectionRepository(builder.db, builder.cipher), auth, audit)
            ::register);
    groups.add(new VariableRoutes(new VariableRepository(builder.db), auth, audit)::register);
    groups.add(new TaskInstanceRoutes(context)::register);
    groups.add(new TaskLogRoutes(context)::register);
    groups.add(new XComRoutes(context)::register);
    groups.add(new ClearRoutes(context)::register);
  }

  /** The API over {@code db}, its users from {@code auth}; the other settings have defaults. */
  public static Builder builder(MetadataDatabase db, SimpleAuthManager auth) {
    return new Builder(db, auth);
  }

  /** What the route groups share; for tests of this package. */
  ApiContext context() {
    return context;
  }

  @Override
  public void register(Javalin app) {
    app.before(PREFIX + "/*", context.auth()::authenticate);
    app.exception(
        ApiException.class, (e, ctx) -> JsonResponses.detail(ctx, e.status(), e.detail()));
    // A server without UPDRAFT_SECRET_KEY cannot store or read connection secrets: say so.
    app.exception(
        SecretCipher.MissingKeyException.class,
        (e, ctx) -> JsonResponses.detail(ctx, 500, e.getMessage()));
    app.get(
        OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(OpenApiDocument.json()));
    app.get(DOCS_PATH, ctx -> ctx.html(OpenApiDocument.docsHtml()));
    groups.forEach(group -> group.accept(app));
  }

  /** Settings of the API; each has a default fit for tests and the embedded setup. */
  public static final class Builder {
    private final MetadataDatabase db;
    private final SimpleAuthManager auth;
    private Clock clock = Clock.systemUTC();
    private SecretCipher cipher;
    private LoopDags dags = dagId -> Optional.empty();
    private Path logsRoot = Path.of("logs");
    private Runnable afterChange = () -> {};
    private boolean exposeConfig;
    private Map<String, Map<String, String>> config = Map.of();

    private Builder(MetadataDatabase db, SimpleAuthManager auth) {
      this.db = Objects.requireNonNull(db, "db");
      this.auth = Objects.requireNonNull(auth, "auth");
    }

    /** The clock for timestamps the API writes (default: UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Encrypts connection secrets (default: the key in {@value SecretCipher#KEY_VARIABLE}). */
    public Builder cipher(SecretCipher cipher) {
      this.cipher = Objects.requireNonNull(cipher, "cipher");
      return this;
    }

    /** The compiled DAGs, for triggering and clearing (default: none; runs cannot be queued). */
    public Builder dags(LoopDags dags) {
      this.dags = Objects.requireNonNull(dags, "dags");
      return this;
    }

    /** The root folder of try logs (default: {@code logs} in the working directory). */
    public Builder logs(Path logsRoot) {
      this.logsRoot = Objects.requireNonNull(logsRoot, "logsRoot");
      return this;
    }

    /** Called after a request queued a run or changed task states (e.g. to wake the loop). */
    public Builder afterChange(Runnable afterChange) {
      this.afterChange = Objects.requireNonNull(afterChange, "afterChange");
      return this;
    }

    /**
     * Lets {@code GET /api/v2/config} show {@code config} (Airflow's {@code [api] expose_config});
     * without it that route answers Airflow's 403.
     */
    public Builder exposeConfig(Map<String, Map<String, String>> config) {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      config.forEach((section, options) -> copy.put(section, Map.copyOf(options)));
      this.config = copy;
      this.exposeConfig = true;
      return this;
    }

    public PublicApi build() {
      if (cipher == null) {
        cipher = SecretCipher.fromEnvironment(System.getenv());
      }
      return new PublicApi(this);
    }
  }
}
