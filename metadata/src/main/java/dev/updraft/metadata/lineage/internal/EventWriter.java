package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** Writes events with their paths, attributions and associations. */
public final class EventWriter {
  /** Events per path statement: ten values a row, two rows an event, under 32,767 parameters. */
  private static final int PATH_CHUNK = 1000;

  private EventWriter() {}

  /** One event to write: the artifact at {@code key}[{@code index}] of the execution. */
  public record NewEvent(long artifactId, long executionId, EventType type, String key, int index) {
    public NewEvent {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * Adds the events of one execution and their paths (a key step and an index step each, as TFX
   * writes them) to {@code later}. The paths find their events by artifact and type, so no ids need
   * to come back first; an execution that lists one artifact twice with one event type has its
   * events inserted at once instead, and the paths use the ids they get.
   */
  public static void insert(Handle h, List<NewEvent> events, long now, InsertGroup later) {
    if (events.isEmpty()) {
      return;
    }
    Insert rows =
        Insert.into("event")
            .column("artifact_id", Long.class)
            .column("execution_id", Long.class)
            .column("type", Integer.class)
            .column("milliseconds_since_epoch", Long.class);
    events.forEach(e -> rows.row(e.artifactId(), e.executionId(), e.type().code(), now));
    Set<List<Long>> seen = new HashSet<>();
    boolean unambiguous =
        events.stream()
            .allMatch(
                e ->
                    e.executionId() == events.get(0).executionId()
                        && seen.add(List.of(e.artifactId(), (long) e.type().code())));
    if (unambiguous) {
      later.add(rows);
      later.add(pathsByArtifact(events));
      return;
    }
    List<Long> ids = rows.executeReturningIds(h);
    Insert paths =
        Insert.into("event_path")
            .column("event_id", Long.class)
            .column("is_index_step", Boolean.class)
            .column("step_index", Integer.class)
            .column("step_key", String.class);
    for (int i = 0; i < events.size(); i++) {
      paths.row(ids.get(i), false, null, events.get(i).key());
      paths.row(ids.get(i), true, events.get(i).index(), null);
    }
    later.add(paths);
  }

  /** Inserts paths selecting their event by execution, artifact and type, in chunks. */
  private static List<BoundSql> pathsByArtifact(List<NewEvent> events) {
    List<BoundSql> statements = new ArrayList<>();
    for (int from = 0; from < events.size(); from += PATH_CHUNK) {
      List<NewEvent> chunk = events.subList(from, Math.min(events.size(), from + PATH_CHUNK));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO event_path (event_id, is_index_step, step_index, step_key)"
                  + " SELECT e.id, v.is_index_step, v.step_index, v.step_key FROM (VALUES ");
      List<Object> values = new ArrayList<>();
      List<Class<?>> types = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        NewEvent event = chunk.get(i);
        // The first row's casts type the VALUES columns (a null alone has no type).
        sql.append(
            i == 0
                ? "(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BOOLEAN),"
                    + " CAST(? AS INTEGER), CAST(? AS VARCHAR(255))),"
                    + " (?, ?, ?, ?, ?)"
                : ", (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)");
        addPathValues(values, types, event, false, null, event.key());
        addPathValues(values, types, event, true, event.index(), null);
      }
      sql.append(
          ") AS v (artifact_id, type, is_index_step, step_index, step_key)"
              + " JOIN event e ON e.artifact_id = v.artifact_id AND e.type = v.type"
              + " WHERE e.execution_id = ?");
      values.add(chunk.get(0).executionId());
      types.add(Long.class);
      statements.add(new BoundSql(sql.toString(), values, types));
    }
    return statements;
  }

  private static void addPathValues(
      List<Object> values,
      List<Class<?>> types,
      NewEvent event,
      boolean isIndexStep,
      Integer index,
      String key) {
    values.addAll(Arrays.asList(event.artifactId(), event.type().code(), isIndexStep, index, key));
    types.addAll(List.of(Long.class, Integer.class, Boolean.class, Integer.class, String.class));
  }

  /**
   * Attributes the artifacts to the contexts (existing pairs are kept). Rows go in key order, so
   * that concurrent writers sharing artifacts take locks in one order and cannot deadlock.
   */
  public static void attribute(
      InsertGroup later, Collection<Long> contextIds, Collection<Long> artifactIds) {
    later.add(link("attribution", "artifact_id", contextIds, artifactIds));
  }

  /** Associates the executions with the contexts (existing pairs are kept). */
  public static void associate(
      InsertGroup later, Collection<Long> contextIds, Collection<Long> executionIds) {
    later.add(link("association", "execution_id", contextIds, executionIds));
  }

  private static Insert link(
      String table, String column, Collection<Long> contextIds, Collection<Long> ids) {
    TreeSet<long[]> pairs =
        new TreeSet<>(
            Comparator.<long[]>comparingLong(pair -> pair[0]).thenComparingLong(pair -> pair[1]));
    for (long context : contextIds) {
      for (long id : ids) {
        pairs.add(new long[] {context, id});
      }
    }
    Insert insert =
        Insert.into(table)
            .column("context_id", Long.class)
            .column(column, Long.class)
            .onConflictDoNothing();
    pairs.forEach(pair -> insert.row(pair[0], pair[1]));
    return insert;
  }
}
