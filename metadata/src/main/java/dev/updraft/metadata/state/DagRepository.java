package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.DagRowMapper;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.metadata.state.internal.Upserts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** DAGs as parsed: {@code dag}, {@code dag_tag} and {@code serialized_dag}. */
public final class DagRepository {
  private final MetadataDatabase db;
  private final Clock clock;

  public DagRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping {@code last_parsed_time} and {@code last_updated}. */
  public DagRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records a parse of {@code dag}: inserts or updates its row (keeping {@code is_paused}, which
   * belongs to users), replaces its tags, and rewrites the serialized DAG when its hash changed.
   * The DAG is no longer stale.
   */
  public DagRecord upsert(ParsedDag dag) {
    Instant now = Times.truncate(clock.instant());
    Upserts.retryOnDuplicate(
        () ->
            db.inTransaction(
                handle -> {
                  writeDag(handle, dag, now);
                  writeTags(handle, dag);
                  writeSerialized(handle, dag, now);
                  return null;
                }));
    return find(dag.dagId()).orElseThrow();
  }

  private static void writeDag(Handle handle, ParsedDag dag, Instant now) {
    int updated =
        handle
            .createUpdate(
                """
                UPDATE dag SET is_stale = FALSE, last_parsed_time = :now, fileloc = :fileloc,
                  owners = :owners, description = :description,
                  timetable_summary = :timetableSummary, max_active_runs = :maxActiveRuns,
                  max_active_tasks = :maxActiveTasks
                WHERE dag_id = :dagId""")
            .bindMethods(dag)
            .bind("now", Times.arg(now))
            .execute();
    if (updated == 0) {
      handle
          .createUpdate(
              """
              INSERT INTO dag (dag_id, is_paused, is_stale, last_parsed_time, fileloc, owners,
                description, timetable_summary, max_active_runs, max_active_tasks)
              VALUES (:dagId, :pausedOnCreation, FALSE, :now, :fileloc, :owners, :description,
                :timetableSummary, :maxActiveRuns, :maxActiveTasks)""")
          .bindMethods(dag)
          .bind("now", Times.arg(now))
          .execute();
    }
  }

  private static void writeTags(Handle handle, ParsedDag dag) {
    handle
        .createUpdate("DELETE FROM dag_tag WHERE dag_id = :dagId")
        .bind("dagId", dag.dagId())
        .execute();
    var batch = handle.prepareBatch("INSERT INTO dag_tag (name, dag_id) VALUES (:name, :dagId)");
    for (String tag : new TreeSet<>(dag.tags())) {
      batch.bind("name", tag).bind("dagId", dag.dagId()).add();
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  private static void writeSerialized(Handle handle, ParsedDag dag, Instant now) {
    Optional<String> hash =
        handle
            .createQuery("SELECT dag_hash FROM serialized_dag WHERE dag_id = :dagId")
            .bind("dagId", dag.dagId())
            .mapTo(String.class)
            .findOne();
    if (hash.isPresent() && hash.get().equals(dag.dagHash())) {
      return;
    }
    String sql =
        hash.isPresent()
            ? "UPDATE serialized_dag SET data = :data, dag_hash = :hash, last_updated = :now"
                + " WHERE dag_id = :dagId"
            : "INSERT INTO serialized_dag (dag_id, data, dag_hash, last_updated)"
                + " VALUES (:dagId, :data, :hash, :now)";
    handle
        .createUpdate(sql)
        .bind("dagId", dag.dagId())
        .bind("data", dag.serializedJson())
        .bind("hash", dag.dagHash())
        .bind("now", Times.arg(now))
        .execute();
    writeVersion(handle, dag, now);
  }

  /** Airflow's bundle of DAGs read from the dags folder; Updraft has no other bundle. */
  public static final String BUNDLE_NAME = "dags-folder";

  // A new serialized hash is a new dag_version, numbered after the DAG's last one.
  private static void writeVersion(Handle handle, ParsedDag dag, Instant now) {
    int next =
        handle
                .createQuery(
                    "SELECT COALESCE(MAX(version_number), 0) FROM dag_version WHERE dag_id = :dagId")
                .bind("dagId", dag.dagId())
                .mapTo(Integer.class)
                .one()
            + 1;
    handle
        .createUpdate(
            "INSERT INTO dag_version (id, version_number, dag_id, bundle_name, bundle_version,"
                + " hash, created_at) VALUES (:id, :number, :dagId, :bundle, NULL, :hash, :now)")
        .bind("id", timeOrderedId(now))
        .bind("number", next)
        .bind("dagId", dag.dagId())
        .bind("bundle", BUNDLE_NAME)
        .bind("hash", dag.dagHash())
        .bind("now", Times.arg(now))
        .execute();
  }

  // A UUIDv7 (millisecond time, then random bits), as Airflow's dag_version ids: ordering by id
  // is ordering by creation.
  private static java.util.UUID timeOrderedId(Instant now) {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    long high = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(high, low);
  }

  /** Pauses or unpauses a DAG; false if there is no such DAG. */
  public boolean setPaused(String dagId, boolean paused) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate("UPDATE dag SET is_paused = :paused WHERE dag_id = :dagId")
                    .bind("paused", paused)
                    .bind("dagId", dagId)
                    .execute()
                > 0);
  }

  /** Records when the DAG's next scheduled run is due; false if there is no such DAG. */
  public boolean setNextDagRun(String dagId, NextDagRun next) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        """
                        UPDATE dag SET next_dagrun = :logicalDate,
                          next_dagrun_data_interval_start = :start,
                          next_dagrun_data_interval_end = :end,
                          next_dagrun_create_after = :createAfter
                        WHERE dag_id = :dagId""")
                    .bind("logicalDate", Times.arg(next.logicalDate()))
                    .bind("start", Times.arg(next.dataIntervalStart()))
                    .bind("end", Times.arg(next.dataIntervalEnd()))
                    .bind("createAfter", Times.arg(next.createAfter()))
                    .bind("dagId", dagId)
                    .execute()
                > 0);
  }

  /**
   * Marks the DAGs once loaded from {@code fileloc} but absent from its latest parse as stale, and
   * returns how many there were.
   */
  public int markStaleExcept(String fileloc, Collection<String> presentDagIds) {
    return db.inTransaction(
        handle -> {
          if (presentDagIds.isEmpty()) {
            return handle
                .createUpdate("UPDATE dag SET is_stale = TRUE WHERE fileloc = :fileloc")
                .bind("fileloc", fileloc)
                .execute();
          }
          return handle
              .createUpdate(
                  "UPDATE dag SET is_stale = TRUE WHERE fileloc = :fileloc"
                      + " AND dag_id NOT IN (<present>)")
              .bind("fileloc", fileloc)
              .bindList("present", List.copyOf(presentDagIds))
              .execute();
        });
  }

  /** The DAG {@code dagId}, if known. */
  public Optional<DagRecord> find(String dagId) {
    return db.withHandle(
        handle -> {
          List<String> tags =
              handle
                  .createQuery("SELECT name FROM dag_tag WHERE dag_id = :dagId ORDER BY name")
                  .bind("dagId", dagId)
                  .mapTo(String.class)
                  .list();
          return handle
              .createQuery("SELECT * FROM dag WHERE dag_id = :dagId")
              .bind("dagId", dagId)
              .map(new DagRowMapper(Map.of(dagId, tags)))
              .findOne();
        });
  }

  /** Every DAG, by id. */
  public List<DagRecord> list() {
    return db.withHandle(
        handle -> {
          Map<String, List<String>> tags = new HashMap<>();
          handle
              .createQuery("SELECT dag_id, name FROM dag_tag ORDER BY dag_id, name")
              .map((rs, ctx) -> Map.entry(rs.getString("dag_id"), rs.getString("name")))
              .forEach(
                  e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          return handle
              .createQuery("SELECT * FROM dag ORDER BY dag_id")
              .map(new DagRowMapper(tags))
              .list();
        });
  }

  /** The serialized form of {@code dagId}, if it was ever parsed. */
  public Optional<SerializedDag> serialized(String dagId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM serialized_dag WHERE dag_id = :dagId")
                .bind("dagId", dagId)
                .map(
                    (rs, ctx) ->
                        new SerializedDag(
                            rs.getString("dag_id"),
                            rs.getString("data"),
                            rs.getString("dag_hash"),
                            Times.get(rs, "last_updated")))
                .findOne());
  }
}
