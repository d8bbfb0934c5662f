package dev.updraft.web.api.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link BulkActions} needs of one resource (pools, variables, connections): how to read an
 * entity of its body and how to store, change and delete one by its key.
 *
 * @param <E> an entity as read from a request body
 */
public interface BulkTarget<E> {
  /** Reads one entity at {@code loc}; {@code null} when invalid (the problems are in errors). */
  E read(JsonBody body, ValidationErrors errors, List<Object> loc);

  /** The entity's key (pool name, variable key, connection id). */
  String key(E entity);

  boolean exists(String key);

  /** Creates {@code entity}, or replaces the one with its key. */
  void put(E entity);

  /**
   * Changes the existing entity with {@code entity}'s key.
   *
   * @param sent the fields the request body gave for it
   * @param mask the action's {@code update_mask}; empty for all fields
   */
  void update(E entity, List<String> sent, List<String> mask);

  /** Deletes the entity with {@code key}; whether there was one. */
  boolean delete(String key);

  /** An error that refuses a delete action as a whole (e.g. the default pool), or none. */
  default Optional<Map<String, Object>> refuseDelete(List<String> keys) {
    return Optional.empty();
  }
}
