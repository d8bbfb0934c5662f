package dev.updraft.metadata.lineage.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.lineage.PropertyType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Property values in the forms the store keeps: Long, Double, String, Boolean, or JSON structs. */
public final class PropertyValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PropertyValues() {}

  /** Widens integers to Long and floats to Double, so that a value reads back as it was stored. */
  public static Object normalize(Object value) {
    return switch (value) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Float f -> f.doubleValue();
      case Character c -> c.toString();
      case Enum<?> e -> e.name();
      default -> value;
    };
  }

  /** An unmodifiable, order-keeping copy with normalized values; null values are dropped. */
  public static Map<String, Object> copy(Map<String, ?> properties) {
    if (properties == null || properties.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          if (name == null) {
            throw new IllegalArgumentException("a property needs a name");
          }
          if (value != null) {
            copy.put(name, normalize(value));
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /** The data type a normalized value is stored as. */
  public static PropertyType typeOf(Object value) {
    return switch (value) {
      case Long l -> PropertyType.INT;
      case Double d -> PropertyType.DOUBLE;
      case String s -> PropertyType.STRING;
      case Boolean b -> PropertyType.BOOLEAN;
      default -> PropertyType.STRUCT;
    };
  }

  /**
   * {@code value} normalized if the store can keep it, else its string form (for values such as
   * component parameters, which may be any object).
   */
  public static Object storable(Object value) {
    Object normalized = normalize(value);
    if (typeOf(normalized) != PropertyType.STRUCT) {
      return normalized;
    }
    try {
      JSON.writeValueAsString(normalized);
      return normalized;
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "property value of " + value.getClass().getName() + " cannot be stored as JSON", e);
    }
  }

  static Object fromJson(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored property is not JSON: " + json, e);
    }
  }
}
