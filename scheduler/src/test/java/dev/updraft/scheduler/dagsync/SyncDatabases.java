package dev.updraft.scheduler.dagsync;

import static org.junit.jupiter.api.Assertions.fail;

import dev.updraft.metadata.DatabaseConfig;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh in-memory H2, and a fresh schema in the PostgreSQL of {@code UPDRAFT_TEST_PG_URL} (the
 * metadata module's test helper is not visible here). Without the variable the PostgreSQL cases are
 * skipped, or fail under {@code CI=true}.
 */
public final class SyncDatabases {
  private SyncDatabases() {}

  /** For {@code @MethodSource}. */
  public static Stream<Dialect> both() {
    return Stream.of(Dialect.H2, Dialect.POSTGRESQL);
  }

  /** A fresh migrated database; closing it drops what the test made. */
  public static Fresh fresh(Dialect dialect) {
    return switch (dialect) {
      case H2 -> {
        String url =
            "jdbc:h2:mem:s"
                + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        MetadataDatabase db = MetadataDatabase.open(new DatabaseConfig(url, null, 4));
        db.migrate();
        yield new Fresh(db, "DROP ALL OBJECTS");
      }
      case POSTGRESQL -> {
        String url = System.getenv("UPDRAFT_TEST_PG_URL");
        if (url == null || url.isBlank()) {
          if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("UPDRAFT_TEST_PG_URL is not set: under CI=true the PostgreSQL tests must run");
          }
          Assumptions.abort("UPDRAFT_TEST_PG_URL is not set; run .ci/start-postgres.sh");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MetadataDatabase db =
            MetadataDatabase.open(new DatabaseConfig(url, null, 4).withSchema(schema));
        db.migrate();
        yield new Fresh(db, "DROP SCHEMA " + schema + " CASCADE");
      }
    };
  }

  /** A database under test. */
  public record Fresh(MetadataDatabase db, String dropSql) implements AutoCloseable {
    @Override
    public void close() {
      try {
        db.withHandle(handle -> handle.execute(dropSql));
      } finally {
        db.close();
      }
    }
  }
}
