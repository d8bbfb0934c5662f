package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.ContextRecord;
import dev.updraft.metadata.lineage.TypeKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;

/**
 * Gets or creates contexts by (type, name), each in its own short transaction, and caches their
 * ids: contexts are never deleted, and every execution names three of them, so the write path
 * should not look them up each time. Only committed contexts are cached.
 */
public final class ContextStore {
  private final MetadataDatabase db;
  private final TypeStore types;
  private final ConcurrentMap<Key, Long> ids = new ConcurrentHashMap<>();

  private record Key(long typeId, String name) {}

  public ContextStore(MetadataDatabase db, TypeStore types) {
    this.db = db;
    this.types = types;
  }

  /**
   * The id of the context of {@code context}'s type and name, created with its properties (and
   * linked to {@code parentIds}) if it does not exist yet. An existing context is left as it is.
   */
  public long getOrCreate(ContextRecord context, Collection<Long> parentIds) {
    ResolvedType type = types.checked(TypeKind.CONTEXT, context.typeName(), context.properties());
    Key key = new Key(type.id(), context.name());
    Long cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    long typeId = type.id();
    long id =
        Sql.retryOnUniqueViolation(
            () -> db.inTransaction(h -> getOrCreateIn(h, typeId, context, parentIds)));
    ids.put(key, id);
    return id;
  }

  /** The id of an existing context, without creating it. */
  public Optional<Long> find(String typeName, String name) {
    Optional<ResolvedType> type = types.find(TypeKind.CONTEXT, typeName);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Key key = new Key(type.get().id(), name);
    Long cached = ids.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Long> found = db.withHandle(h -> select(h, key.typeId(), name));
    found.ifPresent(id -> ids.put(key, id));
    return found;
  }

  /** The contexts an execution is associated with. */
  public static List<Long> ofExecution(Handle h, long executionId) {
    return h.createQuery("SELECT context_id FROM association WHERE execution_id = ?")
        .bind(0, executionId)
        .mapTo(Long.class)
        .list();
  }

  /** The parents of a context. */
  public static List<Long> parentsOf(Handle h, long contextId) {
    return h.createQuery(
            "SELECT parent_context_id FROM parent_context WHERE context_id = ?"
                + " ORDER BY parent_context_id")
        .bind(0, contextId)
        .mapTo(Long.class)
        .list();
  }

  private static long getOrCreateIn(
      Handle h, long typeId, ContextRecord context, Collection<Long> parentIds) {
    long now = System.currentTimeMillis();
    int inserted =
        h.createUpdate(
                "INSERT INTO context (type_id, name, create_time_since_epoch,"
                    + " last_update_time_since_epoch) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .bind(0, typeId)
            .bind(1, context.name())
            .bind(2, now)
            .bind(3, now)
            .execute();
    long id = select(h, typeId, context.name()).orElseThrow();
    if (inserted > 0) {
      PropertyTable.CONTEXT
          .insert(
              List.of(id),
              List.of(PropertyTable.of(context.properties(), context.customProperties())))
          .execute(h);
    }
    for (long parent : parentIds) {
      h.createUpdate(
              "INSERT INTO parent_context (context_id, parent_context_id) VALUES (?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .bind(0, id)
          .bind(1, parent)
          .execute();
    }
    return id;
  }

  private static Optional<Long> select(Handle h, long typeId, String name) {
    return h.createQuery("SELECT id FROM context WHERE type_id = ? AND name = ?")
        .bind(0, typeId)
        .bind(1, name)
        .mapTo(Long.class)
        .findOne();
  }
}
