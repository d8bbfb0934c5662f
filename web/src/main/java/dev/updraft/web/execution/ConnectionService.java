package dev.updraft.web.execution;

import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.web.execution.ExecutionBodies.ConnectionResponse;

/** Connections as task runners read them, secrets decrypted. */
public final class ConnectionService {
  private final ConnectionRepository connections;

  public ConnectionService(ConnectionRepository connections) {
    this.connections = connections;
  }

  /** The connection {@code connId}, or 404. */
  public ConnectionResponse get(String connId) {
    return connections
        .get(connId)
        .map(c -> ConnectionResponse.of(c.toConnection()))
        .orElseThrow(
            () -> ApiException.notFound("Connection with ID %s not found".formatted(connId)));
  }
}
