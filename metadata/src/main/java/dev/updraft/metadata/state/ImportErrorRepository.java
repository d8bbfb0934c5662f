package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Import errors ({@code import_error}), one per file that failed to load, kept in step with {@code
 * dag.has_import_errors} of the DAGs loaded from that file.
 */
public final class ImportErrorRepository {
  private final MetadataDatabase db;
  private final Clock clock;

  public ImportErrorRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping {@code timestamp}. */
  public ImportErrorRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Replaces the import error of {@code filename} with {@code stacktrace}. */
  public ImportErrorRecord replaceFor(String filename, String bundleName, String stacktrace) {
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle -> {
          delete(handle, filename);
          long id =
              handle
                  .createUpdate(
                      "INSERT INTO import_error (timestamp, filename, bundle_name, stacktrace)"
                          + " VALUES (:now, :filename, :bundleName, :stacktrace)")
                  .bind("now", Times.arg(now))
                  .bind("filename", filename)
                  .bind("bundleName", bundleName)
                  .bind("stacktrace", stacktrace)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          markDags(handle, filename, true);
          return new ImportErrorRecord(id, now, filename, bundleName, stacktrace);
        });
  }

  /** Clears the import error of {@code filename} (it loaded); returns how many rows went. */
  public int clearFor(String filename) {
    return db.inTransaction(
        handle -> {
          int deleted = delete(handle, filename);
          markDags(handle, filename, false);
          return deleted;
        });
  }

  /** Every import error, by file name. */
  public List<ImportErrorRecord> list() {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM import_error ORDER BY filename, id")
                .map(ImportErrorListing.MAPPER)
                .list());
  }

  private static int delete(Handle handle, String filename) {
    return handle
        .createUpdate("DELETE FROM import_error WHERE filename = :filename")
        .bind("filename", filename)
        .execute();
  }

  private static void markDags(Handle handle, String filename, boolean hasErrors) {
    handle
        .createUpdate("UPDATE dag SET has_import_errors = :errors WHERE fileloc = :filename")
        .bind("errors", hasErrors)
        .bind("filename", filename)
        .execute();
  }
}
