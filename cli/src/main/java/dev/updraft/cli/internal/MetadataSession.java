package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.scheduler.dagsync.DagSync;
import java.util.Map;

/**
 * The metadata database for a command that reads or changes runs: opened from the configuration,
 * migrated, and told about the DAGs of the catalog first, so the {@code dag} table knows them
 * (there is no DAG processor daemon yet to do it).
 */
final class MetadataSession implements AutoCloseable {
  /** Airflow's {@code [core] dags_are_paused_at_creation}; default true, as Airflow's. */
  static final String PAUSED_AT_CREATION = "UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION";

  private final DagCatalog catalog;
  private final MetadataDatabase db;

  private MetadataSession(DagCatalog catalog, MetadataDatabase db) {
    this.catalog = catalog;
    this.db = db;
  }

  /** Opens the database of {@code config} and syncs {@code catalog} into it; owns both after. */
  static MetadataSession open(UpdraftConfig config, DagCatalog catalog) {
    MetadataDatabase db = null;
    try {
      db = MetadataDatabase.open(config.database());
      db.migrate();
      new DagSync(db, pausedAtCreation(System.getenv()))
          .sync(catalog.dags(), catalog.importErrors());
      return new MetadataSession(catalog, db);
    } catch (RuntimeException e) {
      if (db != null) {
        db.close();
      }
      catalog.close();
      throw e;
    }
  }

  static boolean pausedAtCreation(Map<String, String> env) {
    return !"false".equalsIgnoreCase(env.getOrDefault(PAUSED_AT_CREATION, "true").trim());
  }

  DagCatalog catalog() {
    return catalog;
  }

  MetadataDatabase db() {
    return db;
  }

  @Override
  public void close() {
    try {
      db.close();
    } finally {
      catalog.close();
    }
  }
}
