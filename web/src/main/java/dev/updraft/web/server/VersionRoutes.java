package dev.updraft.web.server;

import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v2/version}, without authentication: {@code {"version", "git_version"}}. */
public final class VersionRoutes implements RouteGroup {
  public static final String PATH = "/api/v2/version";

  private final String version;
  private final String gitVersion;

  /**
   * @param gitVersion the commit the build came from, or {@code null} (Airflow's is null unless
   *     built from git)
   */
  public VersionRoutes(String version, String gitVersion) {
    this.version = version;
    this.gitVersion = gitVersion;
  }

  @Override
  public void register(Javalin app) {
    app.get(
        PATH,
        ctx -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("version", version);
          body.put("git_version", gitVersion);
          JsonResponses.respond(ctx, 200, body);
        });
  }
}
