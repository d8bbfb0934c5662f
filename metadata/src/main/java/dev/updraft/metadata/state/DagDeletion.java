package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import java.util.List;

/**
 * Deletes a DAG's metadata as Airflow's {@code delete_dag}: its runs, task instances (with their
 * history and XComs), backfills, jobs, versions, serialized form, tags and row, and the import
 * errors of the file it came from, in one transaction. The event log is kept, as in Airflow.
 */
public final class DagDeletion {
  /** What a deletion found. */
  public enum Outcome {
    DELETED,
    NOT_FOUND,
    TASKS_RUNNING
  }

  // Children first, though most would also go by cascade, so the order never depends on it.
  private static final List<String> TABLES =
      List.of(
          "xcom",
          "task_instance_history",
          "task_instance",
          "dag_run",
          "backfill",
          "job",
          "dag_version",
          "serialized_dag",
          "dag_tag",
          "dag");

  private final MetadataDatabase db;

  public DagDeletion(MetadataDatabase db) {
    this.db = db;
  }

  /** Deletes {@code dagId}, unless a task instance of it is running or it is unknown. */
  public Outcome delete(String dagId) {
    return db.inTransaction(
        handle -> {
          boolean running =
              handle
                      .createQuery(
                          "SELECT COUNT(*) FROM task_instance WHERE dag_id = :dagId"
                              + " AND state = 'running'")
                      .bind("dagId", dagId)
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (running) {
            return Outcome.TASKS_RUNNING;
          }
          java.util.Optional<String> fileloc =
              handle
                  .createQuery("SELECT COALESCE(fileloc, '') FROM dag WHERE dag_id = :dagId")
                  .bind("dagId", dagId)
                  .mapTo(String.class)
                  .findOne();
          if (fileloc.isEmpty()) {
            return Outcome.NOT_FOUND;
          }
          for (String table : TABLES) {
            // Table names come from the constant list above, never from input.
            handle
                .createUpdate("DELETE FROM " + table + " WHERE dag_id = :dagId")
                .bind("dagId", dagId)
                .execute();
          }
          // As Airflow: a file's errors may name a DAG id that changed, so they go with the DAG.
          handle
              .createUpdate(
                  "DELETE FROM import_error WHERE filename = :fileloc AND bundle_name = :bundle")
              .bind("fileloc", fileloc.get())
              .bind("bundle", DagRepository.BUNDLE_NAME)
              .execute();
          return Outcome.DELETED;
        });
  }
}
