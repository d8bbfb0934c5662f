package dev.updraft.metadata.state.internal;

import java.sql.SQLException;

/** Recognises constraint violations by their SQL state, which PostgreSQL and H2 share. */
public final class SqlErrors {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  // H2 reports a missing parent row as 23506 (referential integrity violation: parent missing).
  private static final String H2_PARENT_MISSING = "23506";

  private SqlErrors() {}

  /** Whether {@code error} was caused by a unique or primary key violation. */
  public static boolean isUniqueViolation(Throwable error) {
    return hasState(error, UNIQUE_VIOLATION);
  }

  /** Whether {@code error} was caused by a row referring to a parent that does not exist. */
  public static boolean isForeignKeyViolation(Throwable error) {
    return hasState(error, FOREIGN_KEY_VIOLATION) || hasState(error, H2_PARENT_MISSING);
  }

  private static boolean hasState(Throwable error, String state) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
