package dev.updraft.metadata.state;

import java.util.Objects;

/**
 * A connection (a row of {@code connection}) with its secrets in plain text; they are encrypted
 * only in the database. {@link #toString()} masks them.
 *
 * @param connId the connection's id, e.g. {@code postgres_default}
 * @param connType its type, e.g. {@code postgres}, {@code http}
 * @param description what it is for, or {@code null}
 * @param host the host, or {@code null}
 * @param schema the schema or database, or {@code null}
 * @param login the user, or {@code null}
 * @param password the password, or {@code null}
 * @param port the port, or {@code null}
 * @param extra more settings as JSON, or {@code null}; encrypted like the password as it often
 *     holds tokens
 */
public record ConnectionRecord(
    String connId,
    String connType,
    String description,
    String host,
    String schema,
    String login,
    String password,
    Integer port,
    String extra) {

  public ConnectionRecord {
    Objects.requireNonNull(connId, "connId");
    Objects.requireNonNull(connType, "connType");
  }

  @Override
  public String toString() {
    // The task-facing record masks the secrets; one place decides what is shown.
    return "ConnectionRecord" + toConnection().toString().substring("Connection".length());
  }

  /** The connection as tasks see it (Airflow's {@code Connection}), without the description. */
  public dev.updraft.sdk.Connection toConnection() {
    return new dev.updraft.sdk.Connection(
        connId, connType, host, schema, login, password, port, extra);
  }
}
