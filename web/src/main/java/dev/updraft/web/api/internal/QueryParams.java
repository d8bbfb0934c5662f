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

  /**
   * Airflow's {@code *_pattern} filters: each {@code |}-separated alternative becomes a
   * case-insensitive LIKE pattern matching anywhere; empty when none is given.
   */
  public static java.util.List<String> likePatterns(String raw) {
    if (raw == null || raw.isBlank()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(raw.split("\\|"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .map(p -> "%" + p + "%")
        .toList();
  }

  /** Airflow's {@code …CollectionResponse}: the page under {@code field}, and the exact total. */
  public static java.util.Map<String, Object> collection(
      String field, java.util.List<?> page, long total) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put(field, page);
    body.put("total_entries", total);
    return body;
  }
}
