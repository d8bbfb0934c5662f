package dev.updraft.web.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.updraft.web.server.internal.JsonResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Airflow's public API spec ({@code openapi/v2.yaml}, see the README beside it), converted once to
 * the JSON Airflow serves at {@code /api/v2/openapi.json}.
 */
public final class OpenApiDocument {
  public static final String RESOURCE = "/openapi/v2.yaml";

  private OpenApiDocument() {}

  private static final class Holder {
    private static final String JSON = load();
    private static final String DOCS = resource("/openapi/docs.html");
  }

  /** The browsable docs page (Swagger UI over {@code /api/v2/openapi.json}). */
  public static String docsHtml() {
    return Holder.DOCS;
  }

  private static String resource(String name) {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec as JSON text. */
  public static String json() {
    return Holder.JSON;
  }

  private static String load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      JsonNode spec = new YAMLMapper().readTree(in);
      return JsonResponses.mapper().writeValueAsString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
