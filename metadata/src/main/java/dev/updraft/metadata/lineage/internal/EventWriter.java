package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.EventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes events with their paths, attributions and associations, batched. */
public final class EventWriter {
  private EventWriter() {}

  /** One event to write: the artifact at {@code key}[{@code index}] of the execution. */
  public record NewEvent(long artifactId, long executionId, EventType type, String key, int index) {
    public NewEvent {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(key, "key");
    }
  }

  /** Inserts the events, then their paths (a key step and an index step each, as TFX writes). */
  public static void insert(Handle h, List<NewEvent> events, long now) {
    if (events.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO event (artifact_id, execution_id, type, milliseconds_since_epoch)"
                + " VALUES (?, ?, ?, ?)");
    for (NewEvent event : events) {
      batch
          .bind(0, event.artifactId())
          .bind(1, event.executionId())
          .bind(2, event.type().code())
          .bind(3, now)
          .add();
    }
    List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
    PreparedBatch paths =
        h.prepareBatch(
            "INSERT INTO event_path (event_id, is_index_step, step_index, step_key)"
                + " VALUES (?, ?, ?, ?)");
    for (int i = 0; i < events.size(); i++) {
      NewEvent event = events.get(i);
      paths.bind(0, ids.get(i)).bind(1, false).bind(2, (Integer) null).bind(3, event.key()).add();
      paths
          .bind(0, ids.get(i))
          .bind(1, true)
          .bind(2, (Integer) event.index())
          .bind(3, (String) null)
          .add();
    }
    paths.execute();
  }

  /**
   * Attributes the artifacts to the contexts (existing pairs are kept). Rows go in key order, so
   * that concurrent writers sharing artifacts take locks in one order and cannot deadlock.
   */
  public static void attribute(Handle h, Collection<Long> contextIds, Collection<Long> artifactIds) {
    link(h, "attribution", "artifact_id", contextIds, artifactIds);
  }

  /** Associates the executions with the contexts (existing pairs are kept). */
  public static void associate(
      Handle h, Collection<Long> contextIds, Collection<Long> executionIds) {
    link(h, "association", "execution_id", contextIds, executionIds);
  }

  private static void link(
      Handle h, String table, String column, Collection<Long> contextIds, Collection<Long> ids) {
    if (contextIds.isEmpty() || ids.isEmpty()) {
      return;
    }
    TreeSet<long[]> pairs =
        new TreeSet<>(
            Comparator.<long[]>comparingLong(pair -> pair[0]).thenComparingLong(pair -> pair[1]));
    for (long context : contextIds) {
      for (long id : ids) {
        pairs.add(new long[] {context, id});
      }
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO "
                + table
                + " (context_id, "
                + column
                + ") VALUES (?, ?) ON CONFLICT DO NOTHING");
    for (long[] pair : new ArrayList<>(pairs)) {
      batch.bind(0, pair[0]).bind(1, pair[1]).add();
    }
    batch.execute();
  }
}
