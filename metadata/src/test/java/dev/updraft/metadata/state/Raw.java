package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import java.util.Map;

/** Reads columns straight from the database, to check what repositories actually stored. */
final class Raw {
  private Raw() {}

  /** The single value {@code sql} selects, with {@code binds} as named parameters. */
  static <T> T one(MetadataDatabase db, Class<T> type, String sql, Map<String, ?> binds) {
    return db.withHandle(h -> h.createQuery(sql).bindMap(binds).mapTo(type).one());
  }

  static <T> T one(MetadataDatabase db, Class<T> type, String sql) {
    return one(db, type, sql, Map.of());
  }
}
