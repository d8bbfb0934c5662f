package dev.updraft.sdk.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Type;

/** The one JSON mapper for XComs, conf and parameters, so every process reads them alike. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /** Serializes {@code value}; fails with the value's type named when it cannot be. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "value of type "
              + value.getClass().getName()
              + " is not JSON-serializable: "
              + e.getMessage(),
          e);
    }
  }

  /** Reads JSON text as {@code type} (generic types allowed). */
  public static Object read(String json, Type type) {
    try {
      JavaType javaType = MAPPER.getTypeFactory().constructType(type);
      return MAPPER.readValue(json, javaType);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "JSON "
              + abbreviate(json)
              + " cannot be read as "
              + type.getTypeName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Converts a value to {@code type} the way a JSON round trip would (boxes primitives). */
  public static <T> T convert(Object value, Class<T> type) {
    if (value == null) {
      return null;
    }
    return MAPPER.convertValue(value, MAPPER.getTypeFactory().constructType(type));
  }

  private static String abbreviate(String json) {
    return json.length() > 80 ? json.substring(0, 77) + "..." : json;
  }
}
