package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.metadata.lineage.ContextRecord;
import dev.updraft.metadata.lineage.Event;
import dev.updraft.metadata.lineage.EventType;
import dev.updraft.metadata.lineage.ExecutionRecord;
import dev.updraft.metadata.lineage.ExecutionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** Reads artifacts, executions, contexts and events by id, with their properties. */
public final class NodeReader {
  /** The columns of an event and its two path steps; {@code e}, {@code k}, {@code i} in FROM. */
  static final String EVENT_COLUMNS =
      "e.id, e.artifact_id, e.execution_id, e.type, e.milliseconds_since_epoch, k.step_key,"
          + " i.step_index";

  /** An event joined with its key step and index step. */
  static final String EVENT_FROM =
      "event e LEFT JOIN event_path k ON k.event_id = e.id AND k.is_index_step = FALSE"
          + " LEFT JOIN event_path i ON i.event_id = e.id AND i.is_index_step = TRUE";

  private NodeReader() {}

  /** The artifacts of {@code ids} that exist, by id. */
  public static List<ArtifactRecord> artifacts(Handle h, Collection<Long> ids) {
    List<ArtifactRecord> bare =
        Sql.chunked(
            ids,
            chunk ->
                h.createQuery(
                        "SELECT a.id, t.name, a.uri, a.state, a.name, a.external_id,"
                            + " a.create_time_since_epoch, a.last_update_time_since_epoch"
                            + " FROM artifact a JOIN type t ON t.id = a.type_id"
                            + " WHERE a.id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> artifact(rs))
                    .list());
    Map<Long, PropertyTable.Properties> properties =
        PropertyTable.ARTIFACT.load(h, bare.stream().map(ArtifactRecord::id).toList());
    return bare.stream()
        .map(
            a -> {
              PropertyTable.Properties p = properties.get(a.id());
              return p == null
                  ? a
                  : new ArtifactRecord(
                      a.id(),
                      a.typeName(),
                      a.uri(),
                      a.state(),
                      a.name(),
                      a.externalId(),
                      p.typed(),
                      p.custom(),
                      a.createTimeSinceEpoch(),
                      a.lastUpdateTimeSinceEpoch());
            })
        .sorted(Comparator.comparing(ArtifactRecord::id))
        .toList();
  }

  /** The executions of {@code ids} that exist, by id. */
  public static List<ExecutionRecord> executions(Handle h, Collection<Long> ids) {
    List<ExecutionRecord> bare =
        Sql.chunked(
            ids,
            chunk ->
                h.createQuery(
                        "SELECT x.id, t.name, x.last_known_state, x.name, x.cache_fingerprint,"
                            + " x.create_time_since_epoch, x.last_update_time_since_epoch"
                            + " FROM execution x JOIN type t ON t.id = x.type_id"
                            + " WHERE x.id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> execution(rs))
                    .list());
    Map<Long, PropertyTable.Properties> properties =
        PropertyTable.EXECUTION.load(h, bare.stream().map(ExecutionRecord::id).toList());
    return bare.stream()
        .map(
            x -> {
              PropertyTable.Properties p = properties.get(x.id());
              return p == null
                  ? x
                  : new ExecutionRecord(
                      x.id(),
                      x.typeName(),
                      x.state(),
                      x.name(),
                      x.cacheFingerprint(),
                      p.typed(),
                      p.custom(),
                      x.createTimeSinceEpoch(),
                      x.lastUpdateTimeSinceEpoch());
            })
        .sorted(Comparator.comparing(ExecutionRecord::id))
        .toList();
  }

  /** The contexts of {@code ids} that exist, by id. */
  public static List<ContextRecord> contexts(Handle h, Collection<Long> ids) {
    List<ContextRecord> bare =
        Sql.chunked(
            ids,
            chunk ->
                h.createQuery(
                        "SELECT c.id, t.name, c.name, c.create_time_since_epoch,"
                            + " c.last_update_time_since_epoch"
                            + " FROM context c JOIN type t ON t.id = c.type_id"
                            + " WHERE c.id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map(
                        (rs, ctx) ->
                            new ContextRecord(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                Map.of(),
                                Map.of(),
                                rs.getLong(4),
                                rs.getLong(5)))
                    .list());
    Map<Long, PropertyTable.Properties> properties =
        PropertyTable.CONTEXT.load(h, bare.stream().map(ContextRecord::id).toList());
    return bare.stream()
        .map(
            c -> {
              PropertyTable.Properties p = properties.get(c.id());
              return p == null
                  ? c
                  : new ContextRecord(
                      c.id(),
                      c.typeName(),
                      c.name(),
                      p.typed(),
                      p.custom(),
                      c.createTimeSinceEpoch(),
                      c.lastUpdateTimeSinceEpoch());
            })
        .sorted(Comparator.comparing(ContextRecord::id))
        .toList();
  }

  /** The artifacts of {@code ids} in that order (ids that do not exist are skipped). */
  public static List<ArtifactRecord> artifactsInOrder(Handle h, List<Long> ids) {
    Map<Long, ArtifactRecord> byId = new LinkedHashMap<>();
    artifacts(h, ids).forEach(a -> byId.put(a.id(), a));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** An execution's input (or output) artifacts by key, each list in index order. */
  public static Map<String, List<ArtifactRecord>> artifactsByKey(
      Handle h, long executionId, boolean inputs) {
    List<Event> events = eventsOfExecution(h, executionId, inputs);
    Map<Long, ArtifactRecord> byId = new LinkedHashMap<>();
    artifacts(h, events.stream().map(Event::artifactId).toList()).forEach(a -> byId.put(a.id(), a));
    Map<String, List<ArtifactRecord>> byKey = new LinkedHashMap<>();
    for (Event event : events) {
      byKey
          .computeIfAbsent(event.key() == null ? "" : event.key(), k -> new ArrayList<>())
          .add(byId.get(event.artifactId()));
    }
    return byKey;
  }

  /** An execution's input (or output) events, by key and index. */
  public static List<Event> eventsOfExecution(Handle h, long executionId, boolean inputs) {
    return h.createQuery(
            "SELECT "
                + EVENT_COLUMNS
                + " FROM "
                + EVENT_FROM
                + " WHERE e.execution_id = ? AND e.type IN "
                + (inputs ? LineageWalker.INPUTS : LineageWalker.OUTPUTS)
                + " ORDER BY k.step_key, i.step_index, e.id")
        .bind(0, executionId)
        .map((rs, ctx) -> event(rs))
        .list();
  }

  static Event event(ResultSet rs) throws SQLException {
    int index = rs.getInt(7);
    Integer stepIndex = rs.wasNull() ? null : index;
    return new Event(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        EventType.ofCode(rs.getInt(4)),
        rs.getString(6),
        stepIndex,
        rs.getLong(5));
  }

  private static ArtifactRecord artifact(ResultSet rs) throws SQLException {
    return new ArtifactRecord(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        ArtifactStates.ofCode(rs.getInt(4)),
        rs.getString(5),
        rs.getString(6),
        Map.of(),
        Map.of(),
        rs.getLong(7),
        rs.getLong(8));
  }

  private static ExecutionRecord execution(ResultSet rs) throws SQLException {
    return new ExecutionRecord(
        rs.getLong(1),
        rs.getString(2),
        ExecutionState.ofCode(rs.getInt(3)),
        rs.getString(4),
        rs.getString(5),
        Map.of(),
        Map.of(),
        rs.getLong(6),
        rs.getLong(7));
  }
}
