package dev.updraft.metadata.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.sdk.Connection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataSecretsTest {

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void readsVariablesAndDecryptedConnections(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateKey());
      new VariableRepository(t.db()).set("cfg", "{\"bucket\": \"raw\"}");
      new ConnectionRepository(t.db(), cipher)
          .set(
              new ConnectionRecord(
                  "warehouse",
                  "postgres",
                  "the warehouse",
                  "db.internal",
                  "analytics",
                  "etl",
                  "s3cr3t-p@ss",
                  5432,
                  "{\"token\": \"abc\"}"));
      MetadataSecrets secrets = new MetadataSecrets(t.db(), cipher);

      assertThat(secrets.variable("cfg")).contains("{\"bucket\": \"raw\"}");
      assertThat(secrets.variable("nope")).isEmpty();
      assertThat(secrets.connection("warehouse"))
          .contains(
              new Connection(
                  "warehouse",
                  "postgres",
                  "db.internal",
                  "analytics",
                  "etl",
                  "s3cr3t-p@ss",
                  5432,
                  "{\"token\": \"abc\"}"));
      assertThat(secrets.connection("nope")).isEmpty();
      // The password is stored encrypted, not as given.
      String stored =
          t.db()
              .withHandle(
                  h ->
                      h.createQuery("SELECT password FROM connection WHERE conn_id = 'warehouse'")
                          .mapTo(String.class)
                          .one());
      assertThat(stored).startsWith(SecretCipher.PREFIX).doesNotContain("s3cr3t");
    }
  }
}
