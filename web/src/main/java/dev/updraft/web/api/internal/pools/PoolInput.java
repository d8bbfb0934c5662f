package dev.updraft.web.api.internal.pools;

import dev.updraft.web.api.internal.JsonBody;
import java.util.Set;

/**
 * Airflow's {@code PoolBody}: a pool to create (or, in bulk updates, to replace). Its {@code
 * team_name} is accepted and ignored: Updraft has no multi-team mode.
 */
record PoolInput(String name, int slots, String description, boolean includeDeferred) {
  static final Set<String> FIELDS =
      Set.of("name", "slots", "description", "include_deferred", "team_name");

  /** Reads a {@code PoolBody}; {@code null} when it has errors (added to the body's list). */
  static PoolInput read(JsonBody body) {
    body.forbidExtras(FIELDS);
    String name = body.string("name", true, false, 256);
    Integer slots = body.integer("slots", true, false, -1);
    String description = body.string("description", false, true, null);
    Boolean includeDeferred = body.bool("include_deferred", false, false);
    body.string("team_name", false, true, 50);
    if (name == null
        || slots == null
        || (body.has("include_deferred") && includeDeferred == null)) {
      return null;
    }
    return new PoolInput(name, slots, description, includeDeferred != null && includeDeferred);
  }
}
