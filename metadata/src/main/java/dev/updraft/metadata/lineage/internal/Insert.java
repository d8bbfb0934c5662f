package dev.updraft.metadata.lineage.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * A multi-row {@code INSERT ... VALUES (...), (...)}: one statement, one round trip and one
 * executor run for many rows. A JDBC batch of the same rows costs PostgreSQL one execution per row,
 * which is most of the price of a small row.
 */
final class Insert {
  /** Rows per statement, well under PostgreSQL's 32,767 bind parameters. */
  private static final int MAX_ROWS = 1000;

  private final String table;
  private final List<String> columns = new ArrayList<>();
  private final List<Class<?>> types = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();
  private String suffix = "";

  private Insert(String table) {
    this.table = table;
  }

  static Insert into(String table) {
    return new Insert(table);
  }

  /** Declares the next column and the Java type its values (and nulls) bind as. */
  Insert column(String name, Class<?> type) {
    columns.add(name);
    types.add(type);
    return this;
  }

  /** Keeps rows whose key exists already (race-free on PostgreSQL, as H2 does it too). */
  Insert onConflictDoNothing() {
    suffix = " ON CONFLICT DO NOTHING";
    return this;
  }

  Insert row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          table + " takes " + columns.size() + " values per row, not " + values.length);
    }
    rows.add(values);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int rowCount() {
    return rows.size();
  }

  /** The statements that insert the rows, {@link #MAX_ROWS} rows each. */
  List<BoundSql> statements() {
    List<BoundSql> statements = new ArrayList<>();
    String placeholders = "(" + "?, ".repeat(columns.size() - 1) + "?)";
    for (int from = 0; from < rows.size(); from += MAX_ROWS) {
      int to = Math.min(rows.size(), from + MAX_ROWS);
      StringBuilder sql =
          new StringBuilder("INSERT INTO ")
              .append(table)
              .append(" (")
              .append(String.join(", ", columns))
              .append(") VALUES ");
      List<Object> values = new ArrayList<>((to - from) * columns.size());
      List<Class<?>> valueTypes = new ArrayList<>((to - from) * columns.size());
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "" : ", ").append(placeholders);
        for (int c = 0; c < columns.size(); c++) {
          values.add(rows.get(i)[c]);
          valueTypes.add(types.get(c));
        }
      }
      statements.add(new BoundSql(sql.append(suffix).toString(), values, valueTypes));
    }
    return statements;
  }

  /** Inserts the rows now. */
  void execute(Handle h) {
    for (BoundSql statement : statements()) {
      Update update = h.createUpdate(statement.sql());
      statement.bindInto(update, 0);
      update.execute();
    }
  }

  /**
   * Inserts the rows and returns their generated ids in row order. Identity values are drawn as the
   * rows are inserted, in VALUES order, so sorting the returned ids restores that order whatever
   * order the database returns them in.
   */
  List<Long> executeReturningIds(Handle h) {
    List<Long> ids = new ArrayList<>(rows.size());
    for (BoundSql statement : statements()) {
      Update update = h.createUpdate(statement.sql());
      statement.bindInto(update, 0);
      List<Long> chunk =
          update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).list().stream()
              .sorted()
              .toList();
      if (chunk.size() * columns.size() != statement.values().size()) {
        throw new IllegalStateException("expected an id for every row inserted into " + table);
      }
      ids.addAll(chunk);
    }
    return ids;
  }
}
