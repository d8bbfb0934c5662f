package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionRepositoryTest {
  private static final String PASSWORD = "s3cr3t-p@ss";
  private static final String EXTRA = "{\"token\": \"abc123\"}";
  private static final ConnectionRecord WAREHOUSE =
      new ConnectionRecord(
          "warehouse",
          "postgres",
          "the warehouse",
          "db.internal",
          "analytics",
          "etl",
          PASSWORD,
          5432,
          EXTRA);

  private static SecretCipher cipher(String key) {
    return SecretCipher.fromEnvironment(Map.of("UPDRAFT_SECRET_KEY", key));
  }

  private static Map<String, Object> rawRow(MetadataDatabase db, String connId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT password, extra, is_encrypted, is_extra_encrypted FROM connection"
                        + " WHERE conn_id = :id")
                .bind("id", connId)
                .mapToMap()
                .one());
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void secretsAreEncryptedAtRestAndDecryptWithTheRightKey(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      String key = SecretCipher.generateKey();
      ConnectionRepository connections = new ConnectionRepository(db, cipher(key));

      connections.set(WAREHOUSE);

      Map<String, Object> raw = rawRow(db, "warehouse");
      assertThat((String) raw.get("password")).startsWith("enc:v1:").doesNotContain(PASSWORD);
      assertThat((String) raw.get("extra")).startsWith("enc:v1:").doesNotContain("abc123");
      assertThat(raw.get("is_encrypted")).isEqualTo(true);
      assertThat(raw.get("is_extra_encrypted")).isEqualTo(true);

      assertThat(connections.get("warehouse")).contains(WAREHOUSE);
      assertThat(new ConnectionRepository(db, cipher(key)).get("warehouse"))
          .as("another process with the same key")
          .contains(WAREHOUSE);
      assertThat(connections.list()).containsExactly(WAREHOUSE);
      assertThat(connections.get("missing")).isEmpty();
      assertThat(WAREHOUSE.toString()).doesNotContain(PASSWORD).doesNotContain("abc123");

      String firstCiphertext = (String) raw.get("password");
      ConnectionRecord rotated =
          new ConnectionRecord(
              "warehouse", "postgres", null, "db2", null, "etl", PASSWORD, null, null);
      connections.set(rotated);
      Map<String, Object> after = rawRow(db, "warehouse");
      assertThat((String) after.get("password"))
          .as("a fresh IV each time")
          .startsWith("enc:v1:")
          .isNotEqualTo(firstCiphertext);
      assertThat(after.get("extra")).isNull();
      assertThat(after.get("is_extra_encrypted")).isEqualTo(false);
      assertThat(connections.get("warehouse")).contains(rotated);

      assertThat(connections.delete("warehouse")).isTrue();
      assertThat(connections.delete("warehouse")).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void missingKeyFailsClearlyWhenASecretIsWrittenOrRead(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      ConnectionRepository keyless =
          new ConnectionRepository(db, SecretCipher.fromEnvironment(Map.of()));

      assertThatThrownBy(() -> keyless.set(WAREHOUSE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("connection 'warehouse'")
          .hasMessageContaining("UPDRAFT_SECRET_KEY is not set")
          .hasMessageContaining("openssl rand -base64 32");
      assertThat(keyless.listIds()).as("nothing written").isEmpty();

      new ConnectionRepository(db, cipher(SecretCipher.generateKey())).set(WAREHOUSE);
      assertThatThrownBy(() -> keyless.get("warehouse"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot decrypt connection 'warehouse'")
          .hasMessageContaining("UPDRAFT_SECRET_KEY is not set");

      ConnectionRecord plain =
          new ConnectionRecord(
              "http_default", "http", null, "example.com", null, null, null, 443, null);
      keyless.set(plain);
      assertThat(keyless.get("http_default")).as("no secrets, no key needed").contains(plain);
      assertThat(keyless.listIds()).containsExactly("http_default", "warehouse");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void wrongKeyFailsNamingTheConnection(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      new ConnectionRepository(db, cipher(SecretCipher.generateKey())).set(WAREHOUSE);
      ConnectionRepository otherKey =
          new ConnectionRepository(db, cipher(SecretCipher.generateKey()));

      assertThatThrownBy(() -> otherKey.get("warehouse"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "cannot decrypt connection 'warehouse':"
                  + " UPDRAFT_SECRET_KEY differs from the key it was encrypted with");
    }
  }
}
