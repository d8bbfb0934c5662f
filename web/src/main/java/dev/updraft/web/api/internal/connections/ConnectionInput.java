package dev.updraft.web.api.internal.connections;

import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Airflow's {@code ConnectionBody}: a connection to create or replace. Its {@code team_name} is
 * accepted and ignored: Updraft has no multi-team mode.
 */
record ConnectionInput(ConnectionRecord record, Set<String> sent) {
  static final Set<String> FIELDS =
      Set.of(
          "connection_id",
          "conn_type",
          "description",
          "host",
          "login",
          "schema",
          "port",
          "password",
          "extra",
          "team_name");

  static final String ID_PATTERN = "^[\\w.-]+$";
  private static final Pattern ID = Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);

  String connectionId() {
    return record.connId();
  }

  /** Reads a {@code ConnectionBody}; {@code null} when it has errors (added to the body's list). */
  static ConnectionInput read(JsonBody body, ValidationErrors errors, java.util.List<Object> loc) {
    body.forbidExtras(FIELDS);
    String id = body.string("connection_id", true, false, 200);
    if (id != null && !ID.matcher(id).matches()) {
      errors.add(
          "string_pattern_mismatch",
          ValidationErrors.loc(loc, "connection_id"),
          "String should match pattern '" + ID_PATTERN + "'",
          id,
          Map.of("pattern", ID_PATTERN));
      id = null;
    }
    String type = body.string("conn_type", true, false, null);
    String description = body.string("description", false, true, null);
    String host = body.string("host", false, true, null);
    String login = body.string("login", false, true, null);
    String schema = body.string("schema", false, true, null);
    Integer port = body.integer("port", false, true, null);
    String password = body.string("password", false, true, null);
    String extra = body.string("extra", false, true, null);
    body.string("team_name", false, true, 50);
    if (id == null || type == null) {
      return null;
    }
    return new ConnectionInput(
        new ConnectionRecord(id, type, description, host, schema, login, password, port, extra),
        Set.copyOf(body.fieldNames()));
  }
}
