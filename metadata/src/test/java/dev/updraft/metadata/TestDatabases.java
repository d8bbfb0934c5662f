package dev.updraft.metadata;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every contract test runs on: a fresh in-memory H2, and a fresh schema in the real
 * PostgreSQL named by {@code UPDRAFT_TEST_PG_URL} (which {@code .ci/run} starts). Without that
 * variable the PostgreSQL cases are skipped on a developer's machine and fail under {@code
 * CI=true}.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A database under test; close it to drop what the test made. */
  public interface TestDatabase extends AutoCloseable {
    MetadataDatabase db();

    @Override
    void close();
  }

  /** For {@code @MethodSource("dev.updraft.metadata.TestDatabases#both")}. */
  public static Stream<Dialect> both() {
    return Stream.of(Dialect.H2, Dialect.POSTGRESQL);
  }

  /** A fresh, migrated database of {@code dialect}. */
  public static TestDatabase fresh(Dialect dialect) {
    return switch (dialect) {
      case H2 -> h2();
      case POSTGRESQL -> postgres();
    };
  }

  private static TestDatabase h2() {
    String url =
        "jdbc:h2:mem:t"
            + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    MetadataDatabase db = MetadataDatabase.open(new DatabaseConfig(url, null, 10));
    db.migrate();
    return new Fresh(db, () -> db.withHandle(h -> h.execute("DROP ALL OBJECTS")));
  }

  private static TestDatabase postgres() {
    String url = System.getenv("UPDRAFT_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(
            "UPDRAFT_TEST_PG_URL is not set: under CI=true the PostgreSQL tests must run (.ci/run starts PostgreSQL)");
      }
      Assumptions.abort(
          "UPDRAFT_TEST_PG_URL is not set; run .ci/start-postgres.sh to test on PostgreSQL");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    MetadataDatabase db = MetadataDatabase.open(new DatabaseConfig(url, schema, 10));
    db.migrate();
    return new Fresh(db, () -> db.withHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE")));
  }

  private record Fresh(MetadataDatabase db, Runnable drop) implements TestDatabase {
    @Override
    public void close() {
      try {
        drop.run();
      } finally {
        db.close();
      }
    }
  }
}
