package dev.updraft.sdk;

import java.util.Objects;

/**
 * A connection to an external system, as Airflow's {@code Connection}: what a task reads through
 * {@link TaskContext#connection(String)} or templates as {@code {{ conn.<conn_id>.host }}}.
 *
 * @param connId the connection's id
 * @param connType its type, e.g. {@code postgres}
 * @param host the host, or {@code null}
 * @param schema the schema (database), or {@code null}
 * @param login the login, or {@code null}
 * @param password the password, decrypted, or {@code null}
 * @param port the port, or {@code null}
 * @param extra more settings as JSON text, or {@code null}
 */
public record Connection(
    String connId,
    String connType,
    String host,
    String schema,
    String login,
    String password,
    Integer port,
    String extra) {

  public Connection {
    Objects.requireNonNull(connId, "connId");
  }

  /** Keeps the password and extra (which often holds tokens) out of logs. */
  @Override
  public String toString() {
    return "Connection[connId="
        + connId
        + ", connType="
        + connType
        + ", host="
        + host
        + ", schema="
        + schema
        + ", login="
        + login
        + ", password="
        + (password == null ? null : "***")
        + ", port="
        + port
        + ", extra="
        + (extra == null ? null : "***")
        + "]";
  }
}
