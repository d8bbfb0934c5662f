package dev.updraft.web.api.internal.connections;

import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.web.api.internal.BulkTarget;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Connections for {@code PATCH /api/v2/connections} (Airflow's {@code BulkConnectionService}). */
final class ConnectionBulkTarget implements BulkTarget<ConnectionInput> {
  private final ConnectionRepository connections;

  ConnectionBulkTarget(ConnectionRepository connections) {
    this.connections = connections;
  }

  @Override
  public ConnectionInput read(JsonBody body, ValidationErrors errors, List<Object> loc) {
    return ConnectionInput.read(body, errors, loc);
  }

  @Override
  public String key(ConnectionInput connection) {
    return connection.connectionId();
  }

  @Override
  public boolean exists(String id) {
    return connections.exists(id);
  }

  @Override
  public void put(ConnectionInput connection) {
    connections.set(connection.record());
  }

  // The fields the connection body sent (as the input names them), narrowed by the mask.
  @Override
  public void update(ConnectionInput connection, List<String> sent, List<String> mask) {
    ConnectionRecord current = connections.get(connection.connectionId()).orElseThrow();
    Set<String> fields = new HashSet<>(connection.sent());
    if (!mask.isEmpty()) {
      fields.retainAll(mask);
    }
    connections.set(ConnectionRoutes.merge(current, connection.record(), fields));
  }

  @Override
  public boolean delete(String id) {
    return connections.delete(id);
  }
}
