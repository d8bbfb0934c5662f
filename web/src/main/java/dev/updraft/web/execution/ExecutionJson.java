package dev.updraft.web.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out of the Task Execution API: snake_case fields, ISO-8601 dates, and FastAPI's 422
 * validation errors ({@code {"detail": [{"type", "loc", "msg", "input"}]}}) for bodies that do not
 * fit.
 */
public final class ExecutionJson {
  private final ObjectMapper mapper;

  public ExecutionJson() {
    this.mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Newer task runners send fields this server does not use yet; Airflow ignores them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** The mapper, for {@code JavalinJackson} and tests. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The request body as JSON, or 422 when it is not JSON. */
  public JsonNode readTree(Context ctx) {
    String body = ctx.body();
    try {
      JsonNode node = body.isBlank() ? null : mapper.readTree(body);
      if (node == null) {
        throw invalid(error("missing", List.of("body"), "Field required", null));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalid(
          error(
              "json_invalid",
              List.of("body", e.getLocation().getCharOffset()),
              "JSON decode error",
              body));
    }
  }

  /**
   * The request body as {@code type}, after checking that {@code required} fields are present; 422
   * naming each missing or mistyped field otherwise.
   */
  public <T> T read(Context ctx, Class<T> type, String... required) {
    JsonNode node = readTree(ctx);
    if (!node.isObject()) {
      throw invalid(
          error("model_attributes_type", List.of("body"), "Input should be an object", node));
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String field : required) {
      if (!node.hasNonNull(field)) {
        errors.add(error("missing", List.of("body", field), "Field required", node));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors.toArray(Map[]::new));
    }
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      List<Object> loc = new ArrayList<>(List.of("body"));
      if (e instanceof JsonMappingException mapping) {
        for (JsonMappingException.Reference ref : mapping.getPath()) {
          loc.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
      }
      Object input = loc.size() > 1 ? node.get(String.valueOf(loc.get(1))) : node;
      throw invalid(
          error("value_error", loc, "Input is not valid: " + e.getOriginalMessage(), input));
    }
  }

  /** The JSON text of {@code value}. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** Answers {@code status} with {@code body} as JSON. */
  public void respond(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(write(body));
  }

  /** Parses stored JSON text (a conf, an XCom value); {@code null} stays {@code null}. */
  public JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }

  /** A 422 for a path or query parameter that is not of its type. */
  public static ApiException invalidParameter(
      String where, String name, String message, String input) {
    return invalid(error("value_error", List.of(where, name), message, input));
  }

  @SafeVarargs
  private static ApiException invalid(Map<String, Object>... errors) {
    return new ApiException(422, List.of(errors));
  }

  private static Map<String, Object> error(
      String type, List<Object> loc, String msg, Object input) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", loc);
    error.put("msg", msg);
    error.put("input", input);
    return error;
  }
}
