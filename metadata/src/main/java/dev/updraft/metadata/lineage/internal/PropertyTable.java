package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.PropertyType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One of the three property tables (artifact, execution, context), all of MLMD's shape: one row per
 * property, its value in the column of its data type.
 */
public enum PropertyTable {
  ARTIFACT("artifact_property", "artifact_id"),
  EXECUTION("execution_property", "execution_id"),
  CONTEXT("context_property", "context_id");

  private final String table;
  private final String owner;

  PropertyTable(String table, String owner) {
    this.table = table;
    this.owner = owner;
  }

  /** The properties of one owner: typed and custom. */
  public record Properties(Map<String, Object> typed, Map<String, Object> custom) {
    static final Properties NONE = new Properties(Map.of(), Map.of());

    boolean isEmpty() {
      return typed.isEmpty() && custom.isEmpty();
    }
  }

  /** The insert of the properties of new owners (empty when they have none). */
  Insert insert(List<Long> ownerIds, List<Properties> properties) {
    Insert insert =
        Insert.into(table)
            .column(owner, Long.class)
            .column("name", String.class)
            .column("is_custom_property", Boolean.class)
            .column("int_value", Long.class)
            .column("double_value", Double.class)
            .column("string_value", String.class)
            .column("bool_value", Boolean.class)
            .column("json_value", String.class);
    for (int i = 0; i < ownerIds.size(); i++) {
      Properties owned = properties.get(i);
      addRows(insert, ownerIds.get(i), owned.typed(), false);
      addRows(insert, ownerIds.get(i), owned.custom(), true);
    }
    return insert;
  }

  /**
   * Sets the given properties of one owner, keeping the others. The caller holds the owner's row
   * lock (it updated the owner row first), so concurrent writers of one owner take turns.
   */
  public void merge(Handle handle, long ownerId, Properties properties) {
    if (properties.isEmpty()) {
      return;
    }
    PreparedBatch delete =
        handle.prepareBatch(
            "DELETE FROM "
                + table
                + " WHERE "
                + owner
                + " = ? AND name = ? AND is_custom_property = ?");
    properties.typed().keySet().forEach(name -> delete.add(ownerId, name, false));
    properties.custom().keySet().forEach(name -> delete.add(ownerId, name, true));
    delete.execute();
    insert(List.of(ownerId), List.of(properties)).execute(handle);
  }

  /** The properties of {@code ownerIds}, by owner. */
  public Map<Long, Properties> load(Handle handle, Collection<Long> ownerIds) {
    Map<Long, Properties> byOwner = new LinkedHashMap<>();
    List<Row> rows =
        Sql.chunked(
            ownerIds,
            chunk ->
                handle
                    .createQuery(
                        "SELECT "
                            + owner
                            + ", name, is_custom_property, int_value, double_value, string_value,"
                            + " bool_value, json_value FROM "
                            + table
                            + " WHERE "
                            + owner
                            + " IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Row.read(rs))
                    .list());
    for (Row row : rows) {
      Properties owned =
          byOwner.computeIfAbsent(
              row.ownerId(), id -> new Properties(new LinkedHashMap<>(), new LinkedHashMap<>()));
      (row.custom() ? owned.custom() : owned.typed()).put(row.name(), row.value());
    }
    return byOwner;
  }

  private static void addRows(
      Insert insert, long ownerId, Map<String, Object> values, boolean custom) {
    values.forEach(
        (name, value) ->
            insert.row(
                ownerId,
                name,
                custom,
                value instanceof Long l ? l : null,
                value instanceof Double d ? d : null,
                value instanceof String text ? text : null,
                value instanceof Boolean b ? b : null,
                PropertyValues.typeOf(value) == PropertyType.STRUCT
                    ? PropertyValues.toJson(value)
                    : null));
  }

  private record Row(long ownerId, String name, boolean custom, Object value) {
    static Row read(ResultSet rs) throws SQLException {
      return new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), value(rs));
    }

    private static Object value(ResultSet rs) throws SQLException {
      long longValue = rs.getLong(4);
      if (!rs.wasNull()) {
        return longValue;
      }
      double doubleValue = rs.getDouble(5);
      if (!rs.wasNull()) {
        return doubleValue;
      }
      String stringValue = rs.getString(6);
      if (stringValue != null) {
        return stringValue;
      }
      boolean boolValue = rs.getBoolean(7);
      if (!rs.wasNull()) {
        return boolValue;
      }
      String json = rs.getString(8);
      return json == null ? null : PropertyValues.fromJson(json);
    }
  }

  /** For callers that build {@link Properties} from two maps. */
  public static Properties of(Map<String, Object> typed, Map<String, Object> custom) {
    return typed.isEmpty() && custom.isEmpty() ? Properties.NONE : new Properties(typed, custom);
  }
}
