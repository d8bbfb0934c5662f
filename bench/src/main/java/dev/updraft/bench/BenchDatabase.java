package dev.updraft.bench;

import dev.updraft.metadata.DatabaseConfig;
import dev.updraft.metadata.MetadataDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, migrated metadata database for one benchmark run: a temporary H2 file database, or a new
 * schema in PostgreSQL. Closing it drops what the run made, and the temporary artifact folder.
 */
public final class BenchDatabase implements AutoCloseable {
  private final MetadataDatabase db;
  private final Path folder;
  private final Runnable beforeClose;

  private BenchDatabase(MetadataDatabase db, Path folder, Runnable beforeClose) {
    this.db = db;
    this.folder = folder;
    this.beforeClose = beforeClose;
  }

  /**
   * A fresh database: {@code database} is {@code h2} (a file under a new temporary folder) or
   * {@code postgresql} (a new schema in the database at {@code url}).
   */
  public static BenchDatabase open(String database, String url, String name) throws IOException {
    Path folder = Files.createTempDirectory("updraft-" + name + "-bench");
    if (database.equals("h2")) {
      MetadataDatabase db =
          MetadataDatabase.open(
              new DatabaseConfig(DatabaseConfig.embeddedUrl(folder.resolve("metadata")), null, 16));
      db.migrate();
      return new BenchDatabase(db, folder, () -> {});
    }
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    MetadataDatabase db =
        MetadataDatabase.open(new DatabaseConfig(url, null, 16).withSchema(schema));
    db.migrate();
    return new BenchDatabase(
        db, folder, () -> db.withHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE")));
  }

  public MetadataDatabase db() {
    return db;
  }

  /** Where the executor keeps artifacts. */
  public Path artifacts() {
    return folder.resolve("artifacts");
  }

  @Override
  public void close() {
    try {
      beforeClose.run();
    } finally {
      db.close();
      deleteRecursively(folder);
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(BenchDatabase::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
