package dev.updraft.web.api.internal.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.web.api.internal.SecretMasker;
import dev.updraft.web.server.internal.JsonResponses;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Airflow's {@code ConnectionResponse}, redacted as its secrets masker does: the password is always
 * {@value SecretMasker#MASK}, and in a JSON {@code extra} every value under a sensitive key (one
 * containing {@code password}, {@code token}, {@code secret}, ...) is masked and the JSON
 * re-serialized as Python's {@code json.dumps}. An {@code extra} that is not JSON is returned as
 * is, as Airflow's.
 */
final class ConnectionResponses {
  private ConnectionResponses() {}

  static Map<String, Object> of(ConnectionRecord c) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("connection_id", c.connId());
    body.put("conn_type", c.connType());
    body.put("description", c.description());
    body.put("host", c.host());
    body.put("login", c.login());
    body.put("schema", c.schema());
    body.put("port", c.port());
    body.put("password", c.password() == null ? null : SecretMasker.MASK);
    body.put("extra", redactExtra(c.extra()));
    body.put("team_name", null);
    return body;
  }

  static String redactExtra(String extra) {
    if (extra == null) {
      return null;
    }
    JsonNode node;
    try {
      node = JsonResponses.mapper().readTree(extra);
    } catch (Exception e) {
      return extra;
    }
    if (node == null || node.isMissingNode()) {
      return extra;
    }
    StringBuilder out = new StringBuilder();
    pythonDumps(redact(node, false), out);
    return out.toString();
  }

  /** A request body with its secrets masked, for the event log. */
  static JsonNode redactBody(JsonNode node) {
    JsonNode redacted = redact(node, false);
    maskExtras(redacted);
    return redacted;
  }

  private static void maskExtras(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode extra = object.get("extra");
      if (extra != null && extra.isTextual()) {
        object.put("extra", redactExtra(extra.textValue()));
      }
      object.elements().forEachRemaining(ConnectionResponses::maskExtras);
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(ConnectionResponses::maskExtras);
    }
  }

  /** The secrets masker's {@code _redact} ({@code all}: {@code _redact_all}). */
  private static JsonNode redact(JsonNode node, boolean all) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isObject()) {
      ObjectNode copy = f.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(e.getKey(), redact(e.getValue(), all || SecretMasker.isSensitive(e.getKey())));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = f.arrayNode();
      node.elements().forEachRemaining(e -> copy.add(redact(e, all)));
      return copy;
    }
    // Under a sensitive key, strings are masked; other scalars are kept, as Airflow's.
    return all && node.isTextual() ? f.textNode(SecretMasker.MASK) : node;
  }

  /** Writes {@code node} as Python's {@code json.dumps} with its defaults. */
  private static void pythonDumps(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append(first ? "" : ", ");
        first = false;
        pythonString(e.getKey(), out);
        out.append(": ");
        pythonDumps(e.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        pythonDumps(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      pythonString(node.textValue(), out);
    } else {
      out.append(node.toString());
    }
  }

  private static void pythonString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
