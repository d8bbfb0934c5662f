package dev.updraft.metadata;

/** The databases Updraft runs on. PostgreSQL is the reference; H2 is the embedded default. */
public enum Dialect {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The dialect of a JDBC URL; an error naming the URL for anything else. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database URL "
            + DatabaseConfig.mask(jdbcUrl)
            + ": use jdbc:postgresql://… or jdbc:h2:…");
  }

  /** The Flyway location of this dialect's own migrations (beside the common ones). */
  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
