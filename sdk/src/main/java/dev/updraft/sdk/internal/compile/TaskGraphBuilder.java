package dev.updraft.sdk.internal.compile;

import static dev.updraft.sdk.ValidationProblem.Kind.CYCLE;
import static dev.updraft.sdk.ValidationProblem.Kind.DUPLICATE_TASK_ID;
import static dev.updraft.sdk.ValidationProblem.Kind.UNKNOWN_UPSTREAM;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.TaskDefinition;
import dev.updraft.sdk.internal.dag.ComponentOperator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * Builds the dependency graph, reporting duplicate ids, unknown upstream tasks and every cycle,
 * each cycle as the path of task ids that closes it.
 */
final class TaskGraphBuilder {
  private TaskGraphBuilder() {}

  static DirectedAcyclicGraph<String, DefaultEdge> build(Dag dag, Problems problems) {
    DirectedAcyclicGraph<String, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (TaskDefinition task : dag.tasks()) {
      counts.merge(task.taskId(), 1, Integer::sum);
      graph.addVertex(task.taskId());
    }
    counts.forEach(
        (id, count) -> {
          if (count > 1) {
            problems.add(
                DUPLICATE_TASK_ID,
                id,
                "task id '" + id + "' is used by " + count + " tasks of DAG '" + dag.dagId() + "'");
          }
        });
    Set<String> reportedCycles = new LinkedHashSet<>();
    Map<String, Integer> declared = new HashMap<>();
    for (TaskDefinition task : dag.tasks()) {
      declared.putIfAbsent(task.taskId(), declared.size());
    }
    for (TaskDefinition task : dag.tasks()) {
      Set<String> producers =
          task.operator() instanceof ComponentOperator component
              ? ComponentChecks.producerIds(component.component())
              : Set.of();
      for (String upstream : task.upstreamTaskIds()) {
        if (!graph.containsVertex(upstream)) {
          if (!producers.contains(upstream)) { // ComponentChecks names those more precisely
            problems.add(
                UNKNOWN_UPSTREAM,
                task.taskId(),
                "task '"
                    + task.taskId()
                    + "' depends on '"
                    + upstream
                    + "', which is not a task of DAG '"
                    + dag.dagId()
                    + "'");
          }
          continue;
        }
        addEdge(graph, upstream, task.taskId(), declared, reportedCycles, problems);
      }
    }
    return graph;
  }

  private static void addEdge(
      DirectedAcyclicGraph<String, DefaultEdge> graph,
      String upstream,
      String downstream,
      Map<String, Integer> declared,
      Set<String> reportedCycles,
      Problems problems) {
    if (upstream.equals(downstream)) {
      problems.add(CYCLE, upstream, "cycle: task '" + upstream + "' depends on itself");
      return;
    }
    try {
      graph.addEdge(upstream, downstream);
    } catch (IllegalArgumentException cycle) {
      List<String> path = path(graph, downstream, upstream);
      List<String> loop = new ArrayList<>();
      loop.add(upstream);
      loop.addAll(path);
      loop = startingAtFirstDeclared(loop, declared);
      String rendered = String.join(" >> ", loop);
      if (reportedCycles.add(canonical(loop))) {
        problems.add(CYCLE, rendered, "cycle: " + rendered);
      }
    }
  }

  /** The shortest path from {@code from} to {@code to} (both included), by breadth-first search. */
  private static List<String> path(
      DirectedAcyclicGraph<String, DefaultEdge> graph, String from, String to) {
    Map<String, String> previous = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    previous.put(from, from);
    while (!queue.isEmpty()) {
      String current = queue.removeFirst();
      if (current.equals(to)) {
        break;
      }
      for (String next : Graphs.successorListOf(graph, current)) {
        if (previous.putIfAbsent(next, current) == null) {
          queue.addLast(next);
        }
      }
    }
    List<String> path = new ArrayList<>();
    for (String at = to; ; at = previous.get(at)) {
      path.add(at);
      if (at.equals(from)) {
        break;
      }
    }
    Collections.reverse(path);
    return path;
  }

  /** The loop rotated to start (and end) at the task declared first, as users read DAGs. */
  private static List<String> startingAtFirstDeclared(
      List<String> loop, Map<String, Integer> declared) {
    List<String> members = loop.subList(0, loop.size() - 1);
    int start = 0;
    for (int i = 1; i < members.size(); i++) {
      if (declared.get(members.get(i)) < declared.get(members.get(start))) {
        start = i;
      }
    }
    List<String> rotated = new ArrayList<>(members.subList(start, members.size()));
    rotated.addAll(members.subList(0, start));
    rotated.add(rotated.get(0));
    return rotated;
  }

  /** The same loop entered at another task renders differently; compare it by its members. */
  private static String canonical(List<String> loop) {
    return String.join(",", new java.util.TreeSet<>(loop));
  }
}
