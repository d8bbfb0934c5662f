package dev.updraft.web.api.internal;

import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Map;

/**
 * The Swagger UI files the {@code /api/v2/docs} page loads, served from the swagger-ui webjar so
 * the page works without internet. Only the listed files are served: the name never reaches a path.
 */
public final class SwaggerUiAssets {
  /** The webjar's version, as in web/pom.xml. */
  public static final String VERSION = "5.34.1";

  public static final String PATH_PREFIX = "/api/v2/docs/";

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "swagger-ui-bundle.js", "text/javascript",
          "swagger-ui.css", "text/css",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");

  private SwaggerUiAssets() {}

  /** {@code GET /api/v2/docs/{asset}}: the file, cacheable for a day, or 404. */
  public static void serve(Context ctx) {
    String asset = ctx.pathParam("asset");
    String contentType = CONTENT_TYPES.get(asset);
    InputStream in =
        contentType == null
            ? null
            : SwaggerUiAssets.class.getResourceAsStream(
                "/META-INF/resources/webjars/swagger-ui/" + VERSION + "/" + asset);
    if (in == null) {
      throw new ApiException(404, "Not Found");
    }
    ctx.contentType(contentType).header("Cache-Control", "public, max-age=86400").result(in);
  }
}
