package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Statements whose results nobody reads (properties, events and their paths, attributions,
 * associations), run together at the end of a write. On PostgreSQL they go as one prepared
 * statement holding several statements, which the driver sends in a single round trip; on H2, which
 * runs in-process and has no round trips to save, they run one by one, in order.
 */
public final class InsertGroup {
  /** Values per combined statement, under the driver's 32,767 bind parameters. */
  private static final int MAX_VALUES = 30_000;

  private final boolean oneRoundTrip;
  private final List<BoundSql> statements = new ArrayList<>();

  public InsertGroup(Dialect dialect) {
    this.oneRoundTrip = dialect == Dialect.POSTGRESQL;
  }

  InsertGroup add(Insert insert) {
    statements.addAll(insert.statements());
    return this;
  }

  InsertGroup add(List<BoundSql> more) {
    statements.addAll(more);
    return this;
  }

  /** Runs the statements added so far, in the order they were added. */
  public void execute(Handle h) {
    List<BoundSql> together = new ArrayList<>();
    int values = 0;
    for (BoundSql statement : statements) {
      boolean full = values + statement.values().size() > MAX_VALUES;
      if (!together.isEmpty() && (!oneRoundTrip || full)) {
        executeTogether(h, together);
        together.clear();
        values = 0;
      }
      together.add(statement);
      values += statement.values().size();
    }
    statements.clear();
    if (!together.isEmpty()) {
      executeTogether(h, together);
    }
  }

  private static void executeTogether(Handle h, List<BoundSql> statements) {
    Update update =
        h.createUpdate(String.join(";\n", statements.stream().map(BoundSql::sql).toList()));
    int position = 0;
    for (BoundSql statement : statements) {
      position = statement.bindInto(update, position);
    }
    update.execute();
  }
}
