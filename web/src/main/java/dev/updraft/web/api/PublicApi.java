package dev.updraft.web.api;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.EventLogListing;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.JobListing;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiErrors;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.AuditLog;
import dev.updraft.web.api.internal.BodyLimitFilter;
import dev.updraft.web.api.internal.OpenApiDocument;
import dev.updraft.web.api.internal.SwaggerUiAssets;
import dev.updraft.web.api.internal.backfills.BackfillRoutes;
import dev.updraft.web.api.internal.catalog.CatalogRoutes;
import dev.updraft.web.api.internal.config.ConfigRoutes;
import dev.updraft.web.api.internal.connections.ConnectionRoutes;
import dev.updraft.web.api.internal.dagruns.DagRunRoutes;
import dev.updraft.web.api.internal.dags.DagCatalogRoutes;
import dev.updraft.web.api.internal.dags.DagRoutes;
import dev.updraft.web.api.internal.dags.DagSourceRoutes;
import dev.updraft.web.api.internal.dags.DagVersionRoutes;
import dev.updraft.web.api.internal.dags.ImportErrorRoutes;
import dev.updraft.web.api.internal.dags.TaskRoutes;
import dev.updraft.web.api.internal.eventlogs.EventLogRoutes;
import dev.updraft.web.api.internal.jobs.JobRoutes;
import dev.updraft.web.api.internal.pools.PoolRoutes;
import dev.updraft.web.api.internal.taskinstances.ClearRoutes;
import dev.updraft.web.api.internal.taskinstances.TaskInstanceRoutes;
import dev.updraft.web.api.internal.taskinstances.TaskLogRoutes;
import dev.updraft.web.api.internal.taskinstances.XComRoutes;
import dev.updraft.web.api.internal.variables.VariableRoutes;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.server.HealthRoutes;
import dev.updraft.web.server.RouteGroup;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.servlet.FilterHolder;

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

  /** The default largest request body, 10 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  private final ApiContext context;
  private final List<Consumer<Javalin>> groups = new ArrayList<>();
  private final long maxBodyBytes;

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
    groups.add(new EventLogRoutes(new EventLogListing(builder.db), auth)::register);
    groups.add(
        new JobRoutes(
                new JobListing(builder.db), auth, builder.clock, HealthRoutes.DEFAULT_THRESHOLD)
            ::register);
    groups.add(new CatalogRoutes(auth)::register);
    groups.add(new ConfigRoutes(auth, context.exposeConfig(), context.config())::register);
    groups.add(new DagRunRoutes(context)::register);
    groups.add(new BackfillRoutes(context)::register);
    groups.add(new DagRoutes(context)::register);
    groups.add(new TaskRoutes(context)::register);
    groups.add(new DagSourceRoutes(context)::register);
    groups.add(new DagCatalogRoutes(context)::register);
    groups.add(new DagVersionRoutes(context)::register);
    groups.add(new ImportErrorRoutes(context)::register);
    groups.add(new TaskInstanceRoutes(context)::register);
    groups.add(new TaskLogRoutes(context)::register);
    groups.add(new XComRoutes(context)::register);
    groups.add(new ClearRoutes(context)::register);
    this.maxBodyBytes = builder.maxBodyBytes;
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
    // Bodies over the limit are refused before Javalin reads them into memory.
    app.unsafeConfig()
        .jetty
        .modifyServletContextHandler(
            handler ->
                handler.addFilter(
                    new FilterHolder(new BodyLimitFilter(maxBodyBytes)),
                    PREFIX + "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
    // As FastAPI, where authentication is a dependency of each route: an unknown path or method
    // is 404/405 with or without a token; only matched routes ask for one.
    app.beforeMatched(PREFIX + "/*", context.auth()::authenticate);
    new ApiErrors(PREFIX).register(app);
    app.exception(
        ApiException.class, (e, ctx) -> JsonResponses.detail(ctx, e.status(), e.detail()));
    // A server without UPDRAFT_SECRET_KEY cannot store or read connection secrets: say so.
    app.exception(
        SecretCipher.MissingKeyException.class,
        (e, ctx) -> JsonResponses.detail(ctx, 500, e.getMessage()));
    app.get(
        OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(OpenApiDocument.json()));
    app.get(DOCS_PATH, ctx -> ctx.html(OpenApiDocument.docsHtml()));
    app.get(SwaggerUiAssets.PATH_PREFIX + "{asset}", SwaggerUiAssets::serve);
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
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

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
      config.forEach(
          (section, options) ->
              copy.put(section, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
      this.config = copy;
      this.exposeConfig = true;
      return this;
    }

    /**
     * The largest request body accepted (default {@value #DEFAULT_MAX_BODY_BYTES} bytes, 10 MiB);
     * larger ones are answered 413 before they are read.
     */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
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
