package dev.updraft.web.api.internal.variables;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.web.api.internal.JsonBody;
import java.util.Set;

/**
 * Airflow's {@code VariableBody}: a key, a JSON value and a description. Its {@code team_name} is
 * accepted and ignored: Updraft has no multi-team mode.
 *
 * @param value the value as Airflow stores it: strings as they are, objects and arrays as JSON,
 *     other scalars as Python's {@code str} prints them
 */
record VariableInput(String key, String value, String description) {
  static final Set<String> FIELDS = Set.of("key", "value", "description", "team_name");

  /** Reads a {@code VariableBody}; {@code null} when it has errors (added to the body's list). */
  static VariableInput read(JsonBody body) {
    body.forbidExtras(FIELDS);
    String key = body.string("key", true, false, 250);
    JsonNode value = body.json("value", true);
    String description = body.string("description", false, true, null);
    body.string("team_name", false, true, 50);
    if (key == null || value == null) {
      return null;
    }
    return new VariableInput(key, stored(value), description);
  }

  /** The text Airflow's {@code Variable.set} stores for a JSON value. */
  static String stored(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNull()) {
      return "None";
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isContainerNode()) {
      return value.toString();
    }
    return value.asText();
  }
}
