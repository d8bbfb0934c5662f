package dev.updraft.web.server;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.web.auth.SimpleAuthManager;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The API server, as Airflow 3's {@code api-server}: one Javalin server on one host and port with
 * the simple auth manager's login ({@link LoginRoutes}), the health and version endpoints ({@link
 * HealthRoutes}, {@link VersionRoutes}) and any further {@link RouteGroup}s (the execution API, the
 * public {@code /api/v2}).
 *
 * <pre>{@code
 * try (ApiServer server =
 *     ApiServer.builder(db, auth).port(8080).routes(app -> ExecutionApi.register(app, deps)).start()) {
 *   server.join();
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
  /** Airflow's {@code [api] port}. */
  public static final int DEFAULT_PORT = 8080;

  /** Airflow's {@code [api] host}. */
  public static final String DEFAULT_HOST = "0.0.0.0";

  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** A server over {@code db}, logging users in with {@code auth}. */
  public static Builder builder(MetadataDatabase db, SimpleAuthManager auth) {
    return new Builder(db, auth);
  }

  /** The port it listens on (the one chosen when asked for port 0). */
  public int port() {
    return app.port();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    app.jettyServer().server().join();
  }

  /**
   * Stops accepting connections and lets requests in flight finish (up to the stop timeout), then
   * stops.
   */
  @Override
  public void close() {
    app.stop();
  }

  /** Settings for an {@link ApiServer}. */
  public static final class Builder {
    private final MetadataDatabase db;
    private final SimpleAuthManager auth;
    private final List<RouteGroup> groups = new ArrayList<>();
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Clock clock = Clock.systemUTC();
    private Duration healthThreshold = HealthRoutes.DEFAULT_THRESHOLD;
    private Duration stopTimeout = Duration.ofSeconds(10);
    private String version = defaultVersion();
    private String gitVersion;

    private Builder(MetadataDatabase db, SimpleAuthManager auth) {
      this.db = Objects.requireNonNull(db, "db");
      this.auth = Objects.requireNonNull(auth, "auth");
    }

    /** The address to bind ({@value ApiServer#DEFAULT_HOST} by default). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port ({@value ApiServer#DEFAULT_PORT} by default; 0 picks a free one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** The clock the health check compares heartbeats with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How old a heartbeat may be for its component to count as healthy (30 s). */
    public Builder healthThreshold(Duration threshold) {
      this.healthThreshold = Objects.requireNonNull(threshold, "threshold");
      return this;
    }

    /** How long {@link ApiServer#close()} waits for requests in flight (10 s). */
    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** What {@code /api/v2/version} reports. */
    public Builder version(String version, String gitVersion) {
      this.version = Objects.requireNonNull(version, "version");
      this.gitVersion = gitVersion;
      return this;
    }

    /** Adds a group of routes, mounted after the built-in ones, in the order added. */
    public Builder routes(RouteGroup group) {
      groups.add(Objects.requireNonNull(group, "group"));
      return this;
    }

    /** Builds the app and starts listening. */
    /**
     * Why the server could not start, in words: Jetty reports a taken port only as "STOPPED", so
     * the port is probed to name the real problem.
     */
    private IllegalStateException startFailure(Exception e) {
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.bind(new java.net.InetSocketAddress(host, port));
      } catch (java.io.IOException bind) {
        return new IllegalStateException(
            "cannot listen on "
                + host
                + ":"
                + port
                + ": "
                + bind.getMessage()
                + " (another process has the port; choose another with UPDRAFT_API_PORT)",
            e);
      }
      return new IllegalStateException(
          "cannot start the API server on " + host + ":" + port + ": " + e, e);
    }

    public ApiServer start() {
      Javalin app =
          Javalin.create(
              config -> {
                config.showJavalinBanner = false;
                // A known path asked with another method is 405, as FastAPI answers, not 404.
                config.http.prefer405over404 = true;
                config.jetty.modifyServer(
                    server -> {
                      server.setStopTimeout(stopTimeout.toMillis());
                      server.setStopAtShutdown(true);
                    });
              });
      List<RouteGroup> all = new ArrayList<>();
      all.add(new LoginRoutes(auth));
      all.add(new HealthRoutes(db, clock, healthThreshold));
      all.add(new VersionRoutes(version, gitVersion));
      all.addAll(groups);
      all.forEach(group -> group.register(app));
      try {
        app.start(host, port);
      } catch (Exception e) { // Javalin rethrows Jetty's failure unchecked, even checked ones
        try {
          app.stop();
        } catch (RuntimeException stopped) {
          e.addSuppressed(stopped); // it never ran: stopping it fails the same way
        }
        throw startFailure(e);
      }
      return new ApiServer(app);
    }

    private static String defaultVersion() {
      String fromJar = ApiServer.class.getPackage().getImplementationVersion();
      return fromJar != null ? fromJar : "0.1.0";
    }
  }
}
