package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlErrors;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Upserts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/** Variables ({@code variable}), stored as given ({@code is_encrypted} false). */
public final class VariableRepository {
  private static final RowMapper<VariableRecord> MAPPER =
      (rs, ctx) ->
          new VariableRecord(rs.getString("key"), rs.getString("val"), rs.getString("description"));

  /**
   * A column to sort by: {@code id}, {@code key}, {@code val}, {@code description} or {@code
   * is_encrypted}.
   */
  public record Sort(String column, boolean descending) {
    private static final Set<String> COLUMNS =
        Set.of("id", "key", "val", "description", "is_encrypted");

    public Sort {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot order variables by " + column);
      }
    }

    String sql() {
      return (column.equals("key") ? "\"key\"" : column) + (descending ? " DESC" : " ASC");
    }
  }

  /** One page of the variables matching any of {@code keyPatterns} (none means all). */
  public List<VariableRecord> page(
      List<String> keyPatterns, List<Sort> orderBy, int limit, int offset) {
    return filter(keyPatterns)
        .page(
            db,
            "SELECT \"key\", val, description FROM variable",
            SqlFilter.orderBy(orderBy.stream().map(Sort::sql).toList()),
            limit,
            offset,
            MAPPER);
  }

  /** How many variables match any of {@code keyPatterns} (none means all). */
  public long count(List<String> keyPatterns) {
    return filter(keyPatterns).count(db, "FROM variable");
  }

  private static SqlFilter filter(List<String> keyPatterns) {
    return new SqlFilter().likeAny("\"key\"", keyPatterns);
  }

  /** The variable {@code key}, with its description, if set. */
  public Optional<VariableRecord> find(String key) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT \"key\", val, description FROM variable WHERE \"key\" = :key")
                .bind("key", key)
                .map(MAPPER)
                .findOne());
  }

  /**
   * Creates a variable.
   *
   * @throws IllegalArgumentException when {@code key} is already set
   */
  public void create(String key, String value, String description) {
    try {
      db.inTransaction(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO variable (\"key\", val, description, is_encrypted)"
                          + " VALUES (:key, :value, :description, FALSE)")
                  .bind("key", key)
                  .bind("value", value)
                  .bind("description", description)
                  .execute());
    } catch (RuntimeException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new IllegalArgumentException("variable '" + key + "' already exists", e);
      }
      throw e;
    }
  }

  private final MetadataDatabase db;

  public VariableRepository(MetadataDatabase db) {
    this.db = db;
  }

  /** The value of {@code key}, if set. */
  public Optional<String> get(String key) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT val FROM variable WHERE \"key\" = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
  }

  /** Sets {@code key} to {@code value}, keeping its description. */
  public void set(String key, String value) {
    write(key, value, null, false);
  }

  /** Sets {@code key} to {@code value} with {@code description}. */
  public void set(String key, String value, String description) {
    write(key, value, description, true);
  }

  private void write(String key, String value, String description, boolean withDescription) {
    Upserts.retryOnDuplicate(
        () ->
            db.inTransaction(
                handle -> {
                  String setDescription = withDescription ? ", description = :description" : "";
                  var update =
                      handle
                          .createUpdate(
                              "UPDATE variable SET val = :value, is_encrypted = FALSE"
                                  + setDescription
                                  + " WHERE \"key\" = :key")
                          .bind("value", value)
                          .bind("key", key);
                  if (withDescription) {
                    update.bind("description", description);
                  }
                  int updated = update.execute();
                  if (updated == 0) {
                    handle
                        .createUpdate(
                            "INSERT INTO variable (\"key\", val, description, is_encrypted)"
                                + " VALUES (:key, :value, :description, FALSE)")
                        .bind("key", key)
                        .bind("value", value)
                        .bind("description", description)
                        .execute();
                  }
                  return null;
                }));
  }

  /** Deletes {@code key}; false if it was not set. */
  public boolean delete(String key) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate("DELETE FROM variable WHERE \"key\" = :key")
                    .bind("key", key)
                    .execute()
                > 0);
  }

  /** Every variable, by key. */
  public List<VariableRecord> list() {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT \"key\", val, description FROM variable ORDER BY \"key\"")
                .map(
                    (rs, ctx) ->
                        new VariableRecord(
                            rs.getString("key"), rs.getString("val"), rs.getString("description")))
                .list());
  }
}
