package dev.updraft.metadata.record;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.sdk.Connection;
import dev.updraft.sdk.internal.run.Secrets;
import java.util.Optional;

/**
 * The runtime's {@link Secrets} on the metadata database's {@code variable} and {@code connection}
 * tables, connection secrets decrypted. Each read goes to the database, so edits show at once.
 */
public final class MetadataSecrets implements Secrets {
  private final VariableRepository variables;
  private final ConnectionRepository connections;

  /** Decrypts with the key in {@code UPDRAFT_SECRET_KEY}, as the API server does. */
  public MetadataSecrets(MetadataDatabase db) {
    this(db, SecretCipher.fromEnvironment(System.getenv()));
  }

  public MetadataSecrets(MetadataDatabase db, SecretCipher cipher) {
    this.variables = new VariableRepository(db);
    this.connections = new ConnectionRepository(db, cipher);
  }

  @Override
  public Optional<String> variable(String key) {
    return variables.get(key);
  }

  @Override
  public Optional<Connection> connection(String connId) {
    return connections.get(connId).map(ConnectionRecord::toConnection);
  }
}
