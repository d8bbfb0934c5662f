package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.ExecutionRecord;
import dev.updraft.metadata.lineage.ExecutionState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Writes execution rows and their properties; moves executions between states. */
public final class ExecutionWriter {
  private static final String NOT_FINAL =
      Sql.codes(ExecutionState.NEW.code(), ExecutionState.RUNNING.code());

  private ExecutionWriter() {}

  /** The insert of a new execution's row. */
  static Insert row(long typeId, ExecutionRecord execution, long now) {
    return Insert.into("execution")
        .column("type_id", Long.class)
        .column("last_known_state", Integer.class)
        .column("name", String.class)
        .column("cache_fingerprint", String.class)
        .column("create_time_since_epoch", Long.class)
        .column("last_update_time_since_epoch", Long.class)
        .row(
            typeId,
            execution.state().code(),
            execution.name(),
            execution.cacheFingerprint(),
            now,
            now);
  }

  /** The insert of a new execution's properties, once it has its id. */
  static Insert properties(long id, ExecutionRecord execution) {
    return PropertyTable.EXECUTION.insert(
        List.of(id),
        List.of(PropertyTable.of(execution.properties(), execution.customProperties())));
  }

  /**
   * Moves an unfinished execution to {@code state} and merges {@code customProperties}, under the
   * execution's row lock (so a concurrent publish and failure cannot both win).
   *
   * @return {@code false} when the execution was already in {@code state} (nothing changed)
   * @throws IllegalArgumentException when there is no such execution
   * @throws IllegalStateException when it already finished in another state
   */
  public static boolean transition(
      Handle h, long id, ExecutionState state, Map<String, Object> customProperties, long now) {
    int updated =
        h.createUpdate(
                "UPDATE execution SET last_known_state = ?, last_update_time_since_epoch = ?"
                    + " WHERE id = ? AND last_known_state IN "
                    + NOT_FINAL)
            .bind(0, state.code())
            .bind(1, now)
            .bind(2, id)
            .execute();
    if (updated == 0) {
      ExecutionState current =
          currentState(h, id).orElseThrow(() -> new IllegalArgumentException("no execution " + id));
      if (current == state) {
        return false;
      }
      throw new IllegalStateException(
          "execution " + id + " is already " + current + "; it cannot become " + state);
    }
    PropertyTable.EXECUTION.merge(h, id, PropertyTable.of(Map.of(), customProperties));
    return true;
  }

  private static Optional<ExecutionState> currentState(Handle h, long id) {
    return h.createQuery("SELECT last_known_state FROM execution WHERE id = ?")
        .bind(0, id)
        .mapTo(Integer.class)
        .findOne()
        .map(ExecutionState::ofCode);
  }
}
