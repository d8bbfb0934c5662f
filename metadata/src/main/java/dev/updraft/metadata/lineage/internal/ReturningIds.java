package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs inserts that hand back their generated ids. On PostgreSQL, small ones go together as {@code
 * INSERT ... RETURNING id} statements in one prepared statement, one round trip, reading one result
 * set each; elsewhere, and for large inserts, each runs on its own.
 */
final class ReturningIds {
  /** Above this many rows an insert runs on its own (it may span several statements). */
  private static final int MAX_ROWS_TOGETHER = 500;

  private ReturningIds() {}

  /** The ids of each insert's rows, in row order; an empty list for an empty insert. */
  static List<List<Long>> execute(Handle h, Dialect dialect, List<Insert> inserts) {
    List<Insert> present = inserts.stream().filter(i -> !i.isEmpty()).toList();
    boolean together =
        dialect == Dialect.POSTGRESQL
            && present.size() > 1
            && present.stream().allMatch(i -> i.rowCount() <= MAX_ROWS_TOGETHER);
    List<List<Long>> ids = new ArrayList<>();
    if (!together) {
      for (Insert insert : inserts) {
        ids.add(insert.isEmpty() ? List.of() : insert.executeReturningIds(h));
      }
      return ids;
    }
    List<BoundSql> statements = present.stream().map(i -> i.statements().get(0)).toList();
    List<List<Long>> returned = executeTogether(h, statements);
    int next = 0;
    for (Insert insert : inserts) {
      ids.add(insert.isEmpty() ? List.of() : returned.get(next++));
    }
    return ids;
  }

  private static List<List<Long>> executeTogether(Handle h, List<BoundSql> statements) {
    String sql =
        String.join(
            ";\n",
            statements.stream().map(statement -> statement.sql() + " RETURNING id").toList());
    List<List<Long>> ids = new ArrayList<>();
    try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
      int position = 1;
      for (BoundSql bound : statements) {
        position = bound.bindInto(statement, position);
      }
      boolean isResult = statement.execute();
      for (BoundSql bound : statements) {
        if (!isResult) {
          throw new IllegalStateException("no ids returned by " + bound.sql());
        }
        List<Long> chunk = new ArrayList<>();
        try (ResultSet rows = statement.getResultSet()) {
          while (rows.next()) {
            chunk.add(rows.getLong(1));
          }
        }
        // Identity values are drawn in VALUES order, whatever order RETURNING lists them in.
        ids.add(chunk.stream().sorted().toList());
        isResult = statement.getMoreResults();
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e.getMessage(), e, null);
    }
    return ids;
  }
}
