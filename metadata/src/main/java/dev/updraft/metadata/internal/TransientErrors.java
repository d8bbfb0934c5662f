package dev.updraft.metadata.internal;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells failures worth retrying (the same transaction may succeed) from real errors. */
public final class TransientErrors {
  private TransientErrors() {}

  /**
   * Lost connections (SQL state 08…), serialization failures (40001), deadlocks (40P01), H2 lock
   * timeouts.
   */
  public static boolean isTransient(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("HYT00")) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Backs off a little before retry {@code attempt}, so competing writers spread out. */
  public static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt + (long) (Math.random() * 20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", e);
    }
  }
}
