package dev.updraft.sdk;

import java.util.List;
import java.util.Map;

/**
 * A DAG parameter as Airflow's {@code Param} declares it: a default, a JSON-schema type and a
 * description. A run's {@code conf} overrides the default; templates read it as {@code {{
 * params.name }}}.
 *
 * @param defaultValue the value used when the run's conf does not set it (may be {@code null})
 * @param type the JSON-schema type ({@code string}, {@code integer}, {@code number}, {@code
 *     boolean}, {@code array}, {@code object}, {@code null}), or {@code null} for any
 * @param description what the parameter means
 */
public record Param(Object defaultValue, String type, String description) {

  /** JSON-schema types a {@link Param} may declare. */
  public static final List<String> TYPES =
      List.of("string", "integer", "number", "boolean", "array", "object", "null");

  /** A parameter of any type with this default. */
  public static Param of(Object defaultValue) {
    return new Param(defaultValue, null, null);
  }

  /** A parameter of JSON-schema {@code type} with this default. */
  public static Param of(Object defaultValue, String type) {
    return new Param(defaultValue, type, null);
  }

  /** The same parameter, described. */
  public Param describedAs(String text) {
    return new Param(defaultValue, type, text);
  }

  /** Whether {@code value} fits this parameter's declared type. */
  public boolean accepts(Object value) {
    if (type == null) {
      return true;
    }
    return switch (type) {
      case "string" -> value instanceof CharSequence;
      case "integer" ->
          value instanceof Integer
              || value instanceof Long
              || value instanceof Short
              || value instanceof java.math.BigInteger;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof List<?> || (value != null && value.getClass().isArray());
      case "object" -> value instanceof Map<?, ?>;
      case "null" -> value == null;
      default -> false;
    };
  }
}
