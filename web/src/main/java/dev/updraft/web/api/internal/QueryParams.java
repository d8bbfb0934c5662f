package dev.updraft.web.api.internal;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Query parameters read as FastAPI would, with its 422 errors at {@code ["query", name]}. */
public final class QueryParams {
  private QueryParams() {}

  /** An integer parameter of at least {@code minimum}, or {@code fallback} when absent. */
  public static Integer integer(
      Context ctx, String name, int fallback, int minimum, ValidationErrors errors) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      errors.add(
          "int_parsing",
          List.of("query", name),
          "Input should be a valid integer, unable to parse string as an integer",
          raw);
      return null;
    }
    if (value < minimum) {
      errors.add(
          "greater_than_equal",
          List.of("query", name),
          "Input should be greater than or equal to " + minimum,
          raw,
          Map.of("ge", minimum));
      return null;
    }
    return value;
  }
}
