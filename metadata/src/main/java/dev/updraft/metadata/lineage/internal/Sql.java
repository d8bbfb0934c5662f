package dev.updraft.metadata.lineage.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small helpers for the lineage SQL. */
public final class Sql {
  /** Keeps IN lists well under PostgreSQL's 32,767 bind parameters and H2's statement cache. */
  static final int IN_CHUNK = 1000;

  /** SQL state of a unique-key violation on both databases. */
  private static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  /** Runs {@code query} over {@code ids} in chunks and concatenates the results. */
  public static <T> List<T> chunked(Collection<Long> ids, Function<List<Long>, List<T>> query) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> all = new ArrayList<>(ids);
    if (all.size() <= IN_CHUNK) {
      return query.apply(all);
    }
    List<T> result = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      result.addAll(query.apply(all.subList(from, Math.min(all.size(), from + IN_CHUNK))));
    }
    return result;
  }

  /** Whether {@code error} is (caused by) a unique-key violation. */
  static boolean isUniqueViolation(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Runs a get-or-create once more when it lost a race: on some databases a concurrent insert of
   * the same key ends in a unique-key violation rather than waiting, and the second try finds the
   * row.
   */
  static <T> T retryOnUniqueViolation(Supplier<T> getOrCreate) {
    try {
      return getOrCreate.get();
    } catch (RuntimeException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      return getOrCreate.get();
    }
  }

  /** The SQL list {@code (a, b, c)} of codes, for constants in queries. */
  static String codes(int... codes) {
    StringBuilder list = new StringBuilder("(");
    for (int i = 0; i < codes.length; i++) {
      list.append(i == 0 ? "" : ", ").append(codes[i]);
    }
    return list.append(')').toString();
  }
}
