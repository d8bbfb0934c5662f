package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlErrors;
import dev.updraft.metadata.state.internal.SqlFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Pools ({@code slot_pool}). {@value #DEFAULT_POOL} always exists. */
public final class PoolRepository {
  /** The pool task instances use unless they name another; created by the schema, undeletable. */
  public static final String DEFAULT_POOL = "default_pool";

  private static final RowMapper<PoolRecord> MAPPER =
      (rs, ctx) ->
          new PoolRecord(
              rs.getLong("id"),
              rs.getString("pool"),
              rs.getInt("slots"),
              rs.getString("description"),
              rs.getBoolean("include_deferred"));

  private final MetadataDatabase db;

  public PoolRepository(MetadataDatabase db) {
    this.db = db;
  }

  /** Every pool, by name. */
  public List<PoolRecord> list() {
    return db.withHandle(
        handle -> handle.createQuery("SELECT * FROM slot_pool ORDER BY pool").map(MAPPER).list());
  }

  /** The pools {@code query} selects (columns are checked by {@link PoolQuery.Order}). */
  public List<PoolRecord> page(PoolQuery query) {
    String orderBy =
        SqlFilter.orderBy(
            query.orderBy().stream()
                .map(o -> o.column() + (o.descending() ? " DESC" : " ASC"))
                .toList());
    return filter(query)
        .page(db, "SELECT * FROM slot_pool", orderBy, query.limit(), query.offset(), MAPPER);
  }

  /** How many pools {@code query} matches, ignoring its limit and offset. */
  public long count(PoolQuery query) {
    return filter(query).count(db, "FROM slot_pool");
  }

  /** Slots taken in each pool by running, queued, scheduled and deferred task instances. */
  public Map<String, PoolSlotStats> slotStats() {
    Map<String, long[]> sums = new HashMap<>();
    db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT pool, state, SUM(pool_slots) AS taken FROM task_instance"
                        + " WHERE state IN ('running', 'queued', 'scheduled', 'deferred')"
                        + " GROUP BY pool, state")
                .map(
                    (rs, ctx) -> {
                      long[] s = sums.computeIfAbsent(rs.getString("pool"), k -> new long[4]);
                      int i =
                          switch (rs.getString("state")) {
                            case "running" -> 0;
                            case "queued" -> 1;
                            case "scheduled" -> 2;
                            default -> 3;
                          };
                      s[i] = rs.getLong("taken");
                      return i;
                    })
                .list());
    Map<String, PoolSlotStats> stats = new HashMap<>();
    sums.forEach((pool, s) -> stats.put(pool, new PoolSlotStats(s[0], s[1], s[2], s[3])));
    return stats;
  }

  /**
   * Renames a pool.
   *
   * @throws IllegalArgumentException when a pool named {@code newName} exists
   */
  public void rename(String name, String newName) {
    try {
      db.inTransaction(
          handle ->
              handle
                  .createUpdate("UPDATE slot_pool SET pool = :newName WHERE pool = :name")
                  .bind("newName", newName)
                  .bind("name", name)
                  .execute());
    } catch (RuntimeException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new IllegalArgumentException("pool '" + newName + "' already exists", e);
      }
      throw e;
    }
  }

  private static SqlFilter filter(PoolQuery query) {
    return new SqlFilter().likeAny("pool", query.namePatterns());
  }

  /** The pool {@code name}, if it exists. */
  public Optional<PoolRecord> get(String name) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM slot_pool WHERE pool = :name")
                .bind("name", name)
                .map(MAPPER)
                .findOne());
  }

  /**
   * Creates a pool.
   *
   * @throws IllegalArgumentException when {@code slots} is below -1 or the pool exists
   */
  public PoolRecord create(String name, int slots, String description, boolean includeDeferred) {
    requireValidSlots(name, slots);
    try {
      return db.inTransaction(
          handle -> {
            long id =
                handle
                    .createUpdate(
                        "INSERT INTO slot_pool (pool, slots, description, include_deferred)"
                            + " VALUES (:name, :slots, :description, :includeDeferred)")
                    .bind("name", name)
                    .bind("slots", slots)
                    .bind("description", description)
                    .bind("includeDeferred", includeDeferred)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return new PoolRecord(id, name, slots, description, includeDeferred);
          });
    } catch (RuntimeException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new IllegalArgumentException("pool '" + name + "' already exists", e);
      }
      throw e;
    }
  }

  /**
   * Changes a pool's slots, description and whether deferred task instances count.
   *
   * @return the updated pool, or empty if there is no such pool
   */
  public Optional<PoolRecord> update(
      String name, int slots, String description, boolean includeDeferred) {
    requireValidSlots(name, slots);
    return db.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE slot_pool SET slots = :slots, description = :description,"
                      + " include_deferred = :includeDeferred WHERE pool = :name")
              .bind("slots", slots)
              .bind("description", description)
              .bind("includeDeferred", includeDeferred)
              .bind("name", name)
              .execute();
          return handle
              .createQuery("SELECT * FROM slot_pool WHERE pool = :name")
              .bind("name", name)
              .map(MAPPER)
              .findOne();
        });
  }

  /**
   * Deletes a pool; false if there was none.
   *
   * @throws IllegalArgumentException for {@value #DEFAULT_POOL}, which every task can fall back on
   */
  public boolean delete(String name) {
    if (DEFAULT_POOL.equals(name)) {
      throw new IllegalArgumentException(
          DEFAULT_POOL + " cannot be deleted: it is the pool of every task that names no other");
    }
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate("DELETE FROM slot_pool WHERE pool = :name")
                    .bind("name", name)
                    .execute()
                > 0);
  }

  private static void requireValidSlots(String name, int slots) {
    if (slots < -1) {
      throw new IllegalArgumentException(
          "pool '" + name + "' cannot have " + slots + " slots: use 0 or more, or -1 for no limit");
    }
  }
}
