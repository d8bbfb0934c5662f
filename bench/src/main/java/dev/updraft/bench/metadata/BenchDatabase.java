package dev.updraft.bench.metadata;

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
 * schema in PostgreSQL. Closing it drops what the run made.
 */
final class BenchDatabase implements AutoCloseable {
  private final MetadataDatabase db;
  private final Runnable beforeClose;
  private final Runnable afterClose;

  private BenchDatabase(MetadataDatabase db, Runnable beforeClose, Runnable afterClose) {
    this.db = db;
    this.beforeClose = beforeClose;
    this.afterClose = afterClose;
  }

  static BenchDatabase open(MetadataBenchmarkOptions options) throws IOException {
    if (options.database().equals("h2")) {
      Path folder = Files.createTempDirectory("updraft-metadata-bench");
      MetadataDatabase db =
          MetadataDatabase.open(
              new DatabaseConfig(DatabaseConfig.embeddedUrl(folder.resolve("metadata")), null, 16));
      db.migrate();
      return new BenchDatabase(db, () -> {}, () -> deleteRecursively(folder));
    }
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    MetadataDatabase db =
        MetadataDatabase.open(new DatabaseConfig(options.url(), null, 16).withSchema(schema));
    db.migrate();
    return new BenchDatabase(
        db, () -> db.withHandle(h -> h.execute("DROP SCHEMA " + schema + " CASCADE")), () -> {});
  }

  MetadataDatabase db() {
    return db;
  }

  @Override
  public void close() {
    try {
      beforeClose.run();
    } finally {
      db.close();
      afterClose.run();
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
