package dev.updraft.web.api.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object from a request body, read field by field with pydantic's strictness: each wrong
 * field adds an error to a shared {@link ValidationErrors} and reads as {@code null}, so one 422
 * lists them all. Airflow's request models forbid extra fields; {@link #forbidExtras} does too.
 */
public final class JsonBody {
  private final ObjectNode node;
  private final List<Object> loc;
  private final ValidationErrors errors;

  public JsonBody(ObjectNode node, List<Object> loc, ValidationErrors errors) {
    this.node = node;
    this.loc = List.copyOf(loc);
    this.errors = errors;
  }

  /** Reads one JSON value and nothing after it: {@code {…}}} is malformed, as for FastAPI. */
  private static final ObjectReader BODY_READER =
      JsonResponses.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The request's body as an object, or a 422 for a missing, malformed or non-object body, with
   * FastAPI's {@code json_invalid}, {@code missing} or {@code model_attributes_type} error.
   */
  public static JsonBody read(Context ctx, ValidationErrors errors) {
    // JSON is UTF-8 (RFC 8259): a charset named in Content-Type, known or not, changes nothing.
    String text = new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (text.isBlank()) {
      errors.add("missing", List.of("body"), "Field required", null);
      throw errors.toException();
    }
    JsonNode node;
    try {
      node = BODY_READER.readTree(text);
    } catch (JsonParseException e) {
      long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
      errors.add(
          "json_invalid",
          List.of("body", offset),
          "JSON decode error",
          Map.of(),
          Map.of("error", e.getOriginalMessage()));
      throw errors.toException();
    } catch (Exception e) {
      errors.add("json_invalid", List.of("body", 0), "JSON decode error", Map.of());
      throw errors.toException();
    }
    if (!(node instanceof ObjectNode object)) {
      errors.add(
          "model_attributes_type",
          List.of("body"),
          "Input should be a valid dictionary or object to extract fields from",
          plain(node));
      throw errors.toException();
    }
    return new JsonBody(object, List.of("body"), errors);
  }

  /** Whether the client sent {@code field} at all (even as {@code null}). */
  public boolean has(String field) {
    return node.has(field);
  }

  /** The fields sent, in order. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Adds {@code extra_forbidden} for each field outside {@code allowed}. */
  public void forbidExtras(Set<String> allowed) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!allowed.contains(field.getKey())) {
        errors.add(
            "extra_forbidden",
            ValidationErrors.loc(loc, field.getKey()),
            "Extra inputs are not permitted",
            plain(field.getValue()));
      }
    }
  }

  /** A string; {@code null} when absent, JSON null (if allowed) or wrong. */
  public String string(String field, boolean required, boolean nullable, Integer maxLength) {
    JsonNode value = present(field, required, nullable);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add("string_type", at(field), "Input should be a valid string", plain(value));
      return null;
    }
    String text = value.textValue();
    if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
      errors.add(
          "string_too_long",
          at(field),
          "String should have at most " + maxLength + " characters",
          text,
          Map.of("max_length", maxLength));
      return null;
    }
    return text;
  }

  /** An integer of at least {@code minimum}; integral floats count, as in pydantic. */
  public Integer integer(String field, boolean required, boolean nullable, Integer minimum) {
    JsonNode value = present(field, required, nullable);
    if (value == null) {
      return null;
    }
    if (value.isFloatingPointNumber() && value.doubleValue() % 1 != 0) {
      errors.add(
          "int_from_float",
          at(field),
          "Input should be a valid integer, got a number with a fractional part",
          plain(value));
      return null;
    }
    if (!value.isNumber() || !value.canConvertToInt()) {
      errors.add("int_type", at(field), "Input should be a valid integer", plain(value));
      return null;
    }
    int number = value.asInt();
    if (minimum != null && number < minimum) {
      errors.add(
          "greater_than_equal",
          at(field),
          "Input should be greater than or equal to " + minimum,
          number,
          Map.of("ge", minimum));
      return null;
    }
    return number;
  }

  /** A boolean. */
  public Boolean bool(String field, boolean required, boolean nullable) {
    JsonNode value = present(field, required, nullable);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      errors.add("bool_type", at(field), "Input should be a valid boolean", plain(value));
      return null;
    }
    return value.booleanValue();
  }

  /** The raw value of {@code field} ({@code null} when absent). */
  public JsonNode raw(String field) {
    return node.get(field);
  }

  /** The body as plain Java values, for the event log. */
  public Object plain() {
    return plain(node);
  }

  /** Any JSON value (pydantic's {@code JsonValue}), JSON null included; {@code null} if absent. */
  public JsonNode json(String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null && required) {
      errors.add("missing", at(field), "Field required", plain(node));
    }
    return value;
  }

  private JsonNode present(String field, boolean required, boolean nullable) {
    JsonNode value = node.get(field);
    if (value == null) {
      if (required) {
        errors.add("missing", at(field), "Field required", plain(node));
      }
      return null;
    }
    if (value.isNull()) {
      if (!nullable) {
        // pydantic reports null for a non-nullable field as the type it wanted.
        return value;
      }
      return null;
    }
    return value;
  }

  private List<Object> at(String field) {
    return ValidationErrors.loc(loc, field);
  }

  /** {@code node} as plain Java values (maps, lists, strings, numbers). */
  public static Object plain(JsonNode node) {
    return JsonResponses.mapper().convertValue(node, Object.class);
  }
}
