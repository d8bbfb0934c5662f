package dev.updraft.web.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** FastAPI-shaped JSON answers: bodies, {@code {"detail": …}} errors and 422 validation errors. */
public final class JsonResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  /** The shared mapper (plain Jackson; these routes write maps and records of strings). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Answers {@code status} with {@code body} as JSON. */
  public static void respond(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the response", e);
    }
  }

  /** Answers {@code {"detail": detail}}, as FastAPI's {@code HTTPException}. */
  public static void detail(Context ctx, int status, Object detail) {
    respond(ctx, status, Map.of("detail", detail));
  }

  /** One entry of a FastAPI 422 body. */
  public static Map<String, Object> validationError(
      String type, List<Object> loc, String msg, Object input) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", loc);
    error.put("msg", msg);
    error.put("input", input);
    return error;
  }
}
