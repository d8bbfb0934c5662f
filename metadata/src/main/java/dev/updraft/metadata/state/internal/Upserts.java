package dev.updraft.metadata.state.internal;

import java.util.function.Supplier;

/**
 * Portable upserts. Both databases lack a common {@code INSERT ... ON CONFLICT DO UPDATE}, so
 * writers update, insert when nothing was updated, and run once more when a concurrent writer
 * inserted the same key first (the second run then takes the update path).
 */
public final class Upserts {
  private Upserts() {}

  /** Runs {@code write}, again once if it lost an insert race. */
  public static <T> T retryOnDuplicate(Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      if (!SqlErrors.isUniqueViolation(e)) {
        throw e;
      }
      return write.get();
    }
  }
}
