package dev.updraft.metadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.updraft.metadata.internal.TransientErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The one metadata database: Airflow's state and ML lineage, on PostgreSQL or embedded H2, through
 * a HikariCP pool and Jdbi, its schema managed by Flyway.
 *
 * <pre>{@code
 * try (MetadataDatabase db = MetadataDatabase.open(DatabaseConfig.fromEnvironment(env, home))) {
 *   db.migrate();
 *   db.inTransaction(handle -> ...);
 * }
 * }</pre>
 */
public final class MetadataDatabase implements AutoCloseable {
  private static final int TRANSIENT_RETRIES = 3;

  private final DatabaseConfig config;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private MetadataDatabase(DatabaseConfig config, HikariDataSource dataSource) {
    this.config = config;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
  }

  /**
   * Connects (without migrating).
   *
   * @throws MetadataUnavailableException in one line naming the URL, password masked, when the
   *     database cannot be reached
   */
  public static MetadataDatabase open(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setMinimumIdle(1);
    hikari.setPoolName("updraft-metadata");
    // Set once here: naming the level per transaction costs PostgreSQL three round trips each.
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setConnectionTimeout(10_000);
    hikari.setInitializationFailTimeout(5_000);
    if (config.schema() != null) {
      hikari.setSchema(config.schema());
    }
    try {
      return new MetadataDatabase(config, new HikariDataSource(hikari));
    } catch (RuntimeException e) {
      throw new MetadataUnavailableException(
          "cannot reach the metadata database at " + config.maskedUrl() + ": " + rootMessage(e), e);
    }
  }

  public DatabaseConfig config() {
    return config;
  }

  public Dialect dialect() {
    return config.dialect();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Applies the migrations this code ships; refuses a schema newer than the code. */
  public void migrate() {
    requireNotNewer(status());
    flyway(false).migrate();
  }

  /** How the schema stands against the code's migrations. */
  public SchemaStatus status() {
    MigrationInfo[] all = flyway(false).info().all();
    String current = null;
    String latest = null;
    List<String> pending = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (MigrationInfo info : all) {
      String version =
          info.getVersion() == null ? info.getDescription() : info.getVersion().toString();
      MigrationState state = info.getState();
      if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
        unknown.add(version);
      } else if (state == MigrationState.PENDING) {
        pending.add(version);
      } else if (state.isApplied()) {
        current = version;
      }
      if (state.isResolved()) {
        latest = version;
      }
    }
    return new SchemaStatus(current, latest, pending, unknown);
  }

  /** Throws unless the schema is exactly what this code expects (for services at start-up). */
  public void requireCurrentSchema() {
    SchemaStatus status = status();
    requireNotNewer(status);
    if (!status.isCurrent()) {
      throw new MetadataUnavailableException(
          "the metadata database at " + config.maskedUrl() + " is not ready: " + status.describe());
    }
  }

  /** Drops every object of the schema and migrates afresh. Destroys all data. */
  public void reset() {
    flyway(true).clean();
    flyway(false).migrate();
  }

  /**
   * Runs {@code callback} in one transaction (read committed), retried on transient failures (lost
   * connections, serialization failures, deadlocks) up to three times.
   */
  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(callback);
      } catch (RuntimeException e) {
        if (attempt >= TRANSIENT_RETRIES || !TransientErrors.isTransient(e)) {
          throw e;
        }
        TransientErrors.pause(attempt);
      }
    }
  }

  /** Runs {@code callback} with a handle outside any explicit transaction (for reads). */
  public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
    return jdbi.withHandle(callback);
  }

  /** Checks that a connection can be had now. */
  public void ping() {
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new MetadataUnavailableException(
          "cannot reach the metadata database at " + config.maskedUrl() + ": " + rootMessage(e), e);
    }
  }

  private void requireNotNewer(SchemaStatus status) {
    if (status.isNewerThanCode()) {
      throw new MetadataUnavailableException(
          "refusing to use the metadata database at "
              + config.maskedUrl()
              + ": "
              + status.describe());
    }
  }

  private Flyway flyway(boolean allowClean) {
    var configuration =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", config.dialect().migrationLocation())
            .cleanDisabled(!allowClean)
            .validateOnMigrate(true)
            .ignoreMigrationPatterns("*:future")
            .loggers("slf4j");
    if (config.schema() != null) {
      configuration.schemas(config.schema()).createSchemas(true);
    }
    return configuration.load();
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** For handles passed around: the dialect of a handle's database. */
  public static Dialect dialectOf(Handle handle) {
    try {
      return Dialect.of(handle.getConnection().getMetaData().getURL());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "MetadataDatabase(" + config.maskedUrl() + ", schema=" + config.schema() + ")";
  }
}
