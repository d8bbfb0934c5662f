package dev.updraft.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataDatabaseTest {

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void migratedSchemaIsCurrent(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      SchemaStatus status = t.db().status();
      assertThat(status.isCurrent()).as(status.describe()).isTrue();
      assertThat(status.currentVersion()).isEqualTo(status.latestVersion());
      t.db().requireCurrentSchema();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void schemaNewerThanTheCodeIsRefused(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      t.db()
          .withHandle(
              h ->
                  h.execute(
                      "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                          + " script, checksum, installed_by, execution_time, success) VALUES (999,"
                          + " '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0,"
                          + " TRUE)"));
      assertThat(t.db().status().isNewerThanCode()).isTrue();
      assertThatThrownBy(() -> t.db().requireCurrentSchema())
          .isInstanceOf(MetadataUnavailableException.class)
          .hasMessageContaining("newer than this Updraft")
          .hasMessageContaining("999");
      assertThatThrownBy(() -> t.db().migrate()).hasMessageContaining("refusing");
    }
  }

  @Test
  void unreachableDatabaseIsOneClearLineWithThePasswordMasked() {
    DatabaseConfig config =
        new DatabaseConfig(
            "jdbc:postgresql://127.0.0.1:1/updraft?user=updraft&password=s3cret&connectTimeout=2",
            null,
            2);
    assertThatThrownBy(() -> MetadataDatabase.open(config))
        .isInstanceOf(MetadataUnavailableException.class)
        .hasMessageStartingWith(
            "cannot reach the metadata database at jdbc:postgresql://127.0.0.1:1/updraft?user=updraft&password=***")
        .hasMessageNotContaining("s3cret")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void passwordsAreMaskedInEveryUrlForm() {
    assertThat(DatabaseConfig.mask("jdbc:postgresql://db/x?user=a&password=p&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
    assertThat(DatabaseConfig.mask("jdbc:postgresql://alice:p4ss@db:5432/x"))
        .isEqualTo("jdbc:postgresql://alice:***@db:5432/x");
    assertThat(DatabaseConfig.mask("jdbc:h2:file:/tmp/x;PASSWORD=p"))
        .isEqualTo("jdbc:h2:file:/tmp/x;PASSWORD=***");
  }

  @Test
  void defaultIsAnEmbeddedH2FileUnderTheHome(@TempDir Path home) {
    DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(), home);
    assertThat(config.dialect()).isEqualTo(Dialect.H2);
    assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:" + home.resolve("metadata"));
    try (MetadataDatabase db = MetadataDatabase.open(config)) {
      db.migrate();
      assertThat(db.status().isCurrent()).isTrue();
    }
    assertThat(home.resolve("metadata.mv.db")).exists();
  }

  @Test
  void unsupportedUrlIsRejectedNamingIt() {
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://db/x?password=p", null, 1))
        .hasMessageContaining("unsupported database URL jdbc:mysql://db/x?password=***");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void resetDropsDataAndMigratesAgain(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      t.db().withHandle(h -> h.execute("CREATE TABLE scratch (x INTEGER)"));
      t.db().reset();
      assertThat(t.db().status().isCurrent()).isTrue();
      assertThatThrownBy(() -> t.db().withHandle(h -> h.execute("SELECT * FROM scratch")))
          .isNotNull();
    }
  }
}
