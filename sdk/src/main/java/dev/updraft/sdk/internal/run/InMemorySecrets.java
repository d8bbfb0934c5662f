package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Secrets} in memory, for tests and the SDK's test harness. Thread-safe. */
public final class InMemorySecrets implements Secrets {
  private final Map<String, String> variables = new ConcurrentHashMap<>();
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  /** Sets the variable {@code key}; {@code value} as stored (JSON text for JSON variables). */
  public InMemorySecrets variable(String key, String value) {
    variables.put(key, value);
    return this;
  }

  /** Adds or replaces a connection, by its id. */
  public InMemorySecrets connection(Connection connection) {
    connections.put(connection.connId(), connection);
    return this;
  }

  @Override
  public Optional<String> variable(String key) {
    return Optional.ofNullable(variables.get(key));
  }

  @Override
  public Optional<Connection> connection(String connId) {
    return Optional.ofNullable(connections.get(connId));
  }
}
