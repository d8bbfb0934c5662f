package dev.updraft.metadata;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the metadata database.
 *
 * @param jdbcUrl the JDBC URL ({@code UPDRAFT_DB_URL}); credentials may be in it
 * @param schema the schema to use, or {@code null} for the URL's default (tests use their own)
 * @param maxPoolSize the connection pool's size
 */
public record DatabaseConfig(String jdbcUrl, String schema, int maxPoolSize) {
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*(@)");

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Dialect.of(jdbcUrl);
  }

  /** {@code UPDRAFT_DB_URL}, else an H2 file database under {@code home}. */
  public static DatabaseConfig fromEnvironment(Map<String, String> env, Path home) {
    String url = env.get("UPDRAFT_DB_URL");
    if (url == null || url.isBlank()) {
      url = embeddedUrl(home.resolve("metadata"));
    }
    return new DatabaseConfig(url, null, 10);
  }

  /**
   * An H2 file database at {@code path} in PostgreSQL mode, so one SQL dialect serves both; {@code
   * AUTO_SERVER} lets the CLI and a running service open it at once.
   */
  public static String embeddedUrl(Path path) {
    return "jdbc:h2:file:"
        + path.toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  public Dialect dialect() {
    return Dialect.of(jdbcUrl);
  }

  /** The URL with any password replaced by {@code ***}, fit for messages and logs. */
  public String maskedUrl() {
    return mask(jdbcUrl);
  }

  static String mask(String url) {
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("$1***$2");
  }

  /** The same database with another schema. */
  public DatabaseConfig withSchema(String newSchema) {
    return new DatabaseConfig(jdbcUrl, newSchema, maxPoolSize);
  }
}
