package dev.updraft.metadata.lineage;

import dev.updraft.metadata.MetadataDatabase;

/** Row counts, for asserting exactly what a test wrote. */
final class Rows {
  private Rows() {}

  static long count(MetadataDatabase db, String sql, Object... args) {
    return db.withHandle(
        h -> {
          var query = h.createQuery(sql);
          for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
          }
          return query.mapTo(Long.class).one();
        });
  }

  static long table(MetadataDatabase db, String table) {
    return count(db, "SELECT COUNT(*) FROM " + table);
  }
}
