package dev.updraft.sdk.internal.compile;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * A validated DAG: its tasks by id, resolved options, and the dependency graph as a JGraphT {@link
 * DirectedAcyclicGraph} (an edge runs from upstream to downstream).
 */
public final class CompiledDag {
  private final Dag dag;
  private final DirectedAcyclicGraph<String, DefaultEdge> graph;
  private final Map<String, TaskDefinition> tasks;
  private final Map<String, TaskOptions> options;
  private final List<String> topologicalOrder;
  private final Map<String, Integer> priorityWeights = new ConcurrentHashMap<>();

  CompiledDag(
      Dag dag,
      DirectedAcyclicGraph<String, DefaultEdge> graph,
      Map<String, TaskDefinition> tasks,
      Map<String, TaskOptions> options) {
    this.dag = dag;
    this.graph = graph;
    this.tasks = Map.copyOf(tasks);
    this.options = Map.copyOf(options);
    List<String> order = new ArrayList<>();
    graph.iterator().forEachRemaining(order::add);
    this.topologicalOrder = List.copyOf(order);
  }

  public Dag dag() {
    return dag;
  }

  public String dagId() {
    return dag.dagId();
  }

  public DirectedAcyclicGraph<String, DefaultEdge> graph() {
    return graph;
  }

  /** Task ids in an order where every task comes after its upstream tasks. */
  public List<String> topologicalOrder() {
    return topologicalOrder;
  }

  public TaskDefinition task(String taskId) {
    TaskDefinition task = tasks.get(taskId);
    if (task == null) {
      throw new IllegalArgumentException(
          "DAG '"
              + dag.dagId()
              + "' has no task '"
              + taskId
              + "'; its tasks are "
              + topologicalOrder);
    }
    return task;
  }

  public boolean hasTask(String taskId) {
    return tasks.containsKey(taskId);
  }

  public TaskOptions options(String taskId) {
    task(taskId);
    return options.get(taskId);
  }

  public List<String> upstream(String taskId) {
    return Graphs.predecessorListOf(graph, taskId);
  }

  public List<String> downstream(String taskId) {
    return Graphs.successorListOf(graph, taskId);
  }

  /** Every task reachable downstream of {@code taskId}. */
  public Set<String> descendants(String taskId) {
    return graph.getDescendants(taskId);
  }

  /** The tasks with no downstream task; their states decide the run's state. */
  public List<String> leaves() {
    return topologicalOrder.stream().filter(id -> graph.outDegreeOf(id) == 0).toList();
  }

  /** The task's own weight plus its descendants' (Airflow's {@code downstream} weight rule). */
  public int priorityWeight(String taskId) {
    return priorityWeights.computeIfAbsent(
        taskId,
        id -> {
          int weight = options(id).args().priorityWeight();
          for (String descendant : descendants(id)) {
            weight += options(descendant).args().priorityWeight();
          }
          return weight;
        });
  }
}
