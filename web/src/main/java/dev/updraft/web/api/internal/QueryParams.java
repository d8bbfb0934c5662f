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
   * A float parameter, {@code null} when absent or malformed (then a 422 error is added); NaN and
   * infinities are refused.
   */
  public static Double number(Context ctx, String name, ValidationErrors errors) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(raw.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        "float_parsing",
        List.of("query", name),
        "Input should be a valid number, unable to parse string as a number",
        raw);
    return null;
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

  /**
   * A datetime parameter (ISO-8601; without an offset it is taken as UTC, as Airflow coerces naive
   * datetimes), {@code null} when absent or malformed (then a 422 error is added).
   */
  public static java.time.Instant instant(Context ctx, String name, ValidationErrors errors) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    java.time.Instant parsed = ApiTimes.parse(raw);
    if (parsed == null) {
      errors.add(
          "datetime_from_date_parsing",
          List.of("query", name),
          "Input should be a valid datetime or date, invalid character in year",
          raw);
    }
    return parsed;
  }

  /** A boolean parameter as pydantic reads one ({@code true/false/1/0/yes/no/on/off/t/f/y/n}). */
  public static Boolean bool(Context ctx, String name, ValidationErrors errors) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return null;
    }
    switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on", "t", "y" -> {
        return true;
      }
      case "false", "0", "no", "off", "f", "n" -> {
        return false;
      }
      default -> {
        errors.add(
            "bool_parsing",
            List.of("query", name),
            "Input should be a valid boolean, unable to interpret input",
            raw);
        return null;
      }
    }
  }

  /**
   * A repeated parameter whose values must be among {@code allowed} (an enum such as a state); each
   * other value adds pydantic's {@code enum} error naming the allowed ones.
   */
  public static List<String> oneOf(
      Context ctx, String name, java.util.Collection<String> allowed, ValidationErrors errors) {
    List<String> values = ctx.queryParams(name);
    for (int i = 0; i < values.size(); i++) {
      if (!allowed.contains(values.get(i))) {
        errors.add(
            "enum",
            values.size() == 1 ? List.of("query", name) : List.of("query", name, i),
            "Input should be " + ValidationErrors.choices(allowed),
            values.get(i),
            Map.of("expected", ValidationErrors.choices(allowed)));
      }
    }
    return values;
  }
}
