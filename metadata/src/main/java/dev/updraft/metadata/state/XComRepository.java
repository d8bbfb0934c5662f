package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlErrors;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.metadata.state.internal.Upserts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** XComs ({@code xcom}): values task instances pass to each other, as JSON. */
public final class XComRepository {
  /** Airflow's key for a task's return value. */
  public static final String RETURN_VALUE = "return_value";

  /** Reads an {@code xcom} row; {@link XComListing} shares it. */
  static final RowMapper<XComRecord> MAPPER =
      (rs, ctx) ->
          new XComRecord(
              rs.getLong("dag_run_id"),
              rs.getString("dag_id"),
              rs.getString("run_id"),
              rs.getString("task_id"),
              rs.getInt("map_index"),
              rs.getString("key"),
              rs.getString("value"),
              Times.get(rs, "timestamp"));

  private final MetadataDatabase db;
  private final Clock clock;

  public XComRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping {@code timestamp}. */
  public XComRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Pushes {@code valueJson} under {@code key} for an unmapped task instance. */
  public void push(String dagId, String runId, String taskId, String key, String valueJson) {
    push(dagId, runId, taskId, TaskInstanceRecord.NOT_MAPPED, key, valueJson);
  }

  /**
   * Pushes {@code valueJson} under {@code key} for a task instance, replacing what was there.
   *
   * @throws IllegalArgumentException when the task instance does not exist
   */
  public void push(
      String dagId, String runId, String taskId, int mapIndex, String key, String valueJson) {
    Instant now = Times.truncate(clock.instant());
    String cannotPush =
        "cannot push XCom '%s' for task '%s' (map index %d) of run '%s' of DAG '%s': "
            .formatted(key, taskId, mapIndex, runId, dagId);
    try {
      Upserts.retryOnDuplicate(
          () ->
              db.inTransaction(
                  handle -> {
                    Long dagRunId =
                        handle
                            .createQuery(
                                "SELECT id FROM dag_run WHERE dag_id = :dagId AND run_id = :runId")
                            .bind("dagId", dagId)
                            .bind("runId", runId)
                            .mapTo(Long.class)
                            .findOne()
                            .orElseThrow(
                                () -> new IllegalArgumentException(cannotPush + "no such run"));
                    handle
                        .createUpdate(
                            "DELETE FROM xcom WHERE dag_run_id = :dagRunId AND task_id = :taskId"
                                + " AND map_index = :mapIndex AND \"key\" = :key")
                        .bind("dagRunId", dagRunId)
                        .bind("taskId", taskId)
                        .bind("mapIndex", mapIndex)
                        .bind("key", key)
                        .execute();
                    return handle
                        .createUpdate(
                            """
                            INSERT INTO xcom (dag_run_id, task_id, map_index, "key", dag_id,
                              run_id, "value", timestamp)
                            VALUES (:dagRunId, :taskId, :mapIndex, :key, :dagId, :runId, :value,
                              :now)""")
                        .bind("dagRunId", dagRunId)
                        .bind("taskId", taskId)
                        .bind("mapIndex", mapIndex)
                        .bind("key", key)
                        .bind("dagId", dagId)
                        .bind("runId", runId)
                        .bind("value", valueJson)
                        .bind("now", Times.arg(now))
                        .execute();
                  }));
    } catch (RuntimeException e) {
      if (SqlErrors.isForeignKeyViolation(e)) {
        throw new IllegalArgumentException(cannotPush + "no such task instance", e);
      }
      throw e;
    }
  }

  /** The value (JSON) an unmapped task instance pushed under {@code key}, if any. */
  public Optional<String> pull(String dagId, String runId, String taskId, String key) {
    return pull(dagId, runId, taskId, TaskInstanceRecord.NOT_MAPPED, key);
  }

  /** The value (JSON) a task instance pushed under {@code key}, if any. */
  public Optional<String> pull(
      String dagId, String runId, String taskId, int mapIndex, String key) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT "value" FROM xcom WHERE dag_id = :dagId AND run_id = :runId
                      AND task_id = :taskId AND map_index = :mapIndex AND "key" = :key""")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .bind("taskId", taskId)
                .bind("mapIndex", mapIndex)
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
  }

  /** Every XCom of a run, by task, map index and key. */
  public List<XComRecord> listForRun(String dagId, String runId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM xcom WHERE dag_id = :dagId AND run_id = :runId"
                        + " ORDER BY task_id, map_index, \"key\"")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .map(MAPPER)
                .list());
  }

  /**
   * Deletes every XCom of a task (all map indexes) in a run, as Airflow does before a try runs;
   * returns how many there were.
   */
  public int clear(String dagId, String runId, String taskId) {
    return db.inTransaction(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM xcom WHERE dag_id = :dagId AND run_id = :runId"
                        + " AND task_id = :taskId")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .bind("taskId", taskId)
                .execute());
  }
}
