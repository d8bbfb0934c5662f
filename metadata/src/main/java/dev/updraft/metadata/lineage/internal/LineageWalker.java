package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.Direction;
import dev.updraft.metadata.lineage.Event;
import dev.updraft.metadata.lineage.EventType;
import dev.updraft.metadata.lineage.LineageGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Walks lineage breadth first, one query per hop: a hop crosses one event, from artifacts to the
 * executions that made (upstream) or used (downstream) them, or from executions to their inputs
 * (upstream) or outputs (downstream). A walk of n hops costs n queries plus five to load what it
 * reached, whatever the size of the store.
 */
public final class LineageWalker {
  static final String INPUTS =
      Sql.codes(
          EventType.DECLARED_INPUT.code(), EventType.INPUT.code(), EventType.INTERNAL_INPUT.code());
  static final String OUTPUTS =
      Sql.codes(
          EventType.DECLARED_OUTPUT.code(),
          EventType.OUTPUT.code(),
          EventType.INTERNAL_OUTPUT.code());

  private LineageWalker() {}

  /** The subgraph within {@code maxHops} of the artifact or execution {@code startId}. */
  public static LineageGraph walk(
      Handle h, boolean fromArtifact, long startId, Direction direction, int maxHops) {
    if (maxHops < 0) {
      throw new IllegalArgumentException("maxHops must be >= 0, not " + maxHops);
    }
    Reached reached = new Reached();
    (fromArtifact ? reached.artifacts : reached.executions).add(startId);
    if (direction != Direction.DOWNSTREAM) {
      walkOneWay(h, fromArtifact, startId, true, maxHops, reached);
    }
    if (direction != Direction.UPSTREAM) {
      walkOneWay(h, fromArtifact, startId, false, maxHops, reached);
    }
    LineageGraph graph =
        new LineageGraph(
            NodeReader.artifacts(h, reached.artifacts),
            NodeReader.executions(h, reached.executions),
            reached.events.values().stream().sorted(Comparator.comparing(Event::id)).toList());
    boolean found =
        fromArtifact ? graph.artifact(startId).isPresent() : !graph.executions().isEmpty();
    if (!found) {
      throw new IllegalArgumentException(
          "no " + (fromArtifact ? "artifact " : "execution ") + startId);
    }
    return graph;
  }

  private static void walkOneWay(
      Handle h, boolean fromArtifact, long startId, boolean upstream, int maxHops, Reached all) {
    Set<Long> visitedArtifacts = new LinkedHashSet<>();
    Set<Long> visitedExecutions = new LinkedHashSet<>();
    (fromArtifact ? visitedArtifacts : visitedExecutions).add(startId);
    List<Long> frontier = List.of(startId);
    boolean atArtifacts = fromArtifact;
    for (int hop = 0; hop < maxHops && !frontier.isEmpty(); hop++) {
      // From artifacts, upstream means their producers (output events); from executions, their
      // inputs (input events). Downstream is the reverse.
      String column = atArtifacts ? "artifact_id" : "execution_id";
      String types = atArtifacts == upstream ? OUTPUTS : INPUTS;
      List<Event> events =
          Sql.chunked(
              frontier,
              chunk ->
                  h.createQuery(
                          "SELECT "
                              + NodeReader.EVENT_COLUMNS
                              + " FROM "
                              + NodeReader.EVENT_FROM
                              + " WHERE e."
                              + column
                              + " IN (<ids>) AND e.type IN "
                              + types)
                      .bindList("ids", chunk)
                      .map((rs, ctx) -> NodeReader.event(rs))
                      .list());
      List<Long> next = new ArrayList<>();
      for (Event event : events) {
        all.events.putIfAbsent(event.id(), event);
        long other = atArtifacts ? event.executionId() : event.artifactId();
        if ((atArtifacts ? visitedExecutions : visitedArtifacts).add(other)) {
          next.add(other);
        }
      }
      (atArtifacts ? all.executions : all.artifacts).addAll(next);
      frontier = next;
      atArtifacts = !atArtifacts;
    }
  }

  private static final class Reached {
    final Set<Long> artifacts = new LinkedHashSet<>();
    final Set<Long> executions = new LinkedHashSet<>();
    final Map<Long, Event> events = new LinkedHashMap<>();
  }
}
