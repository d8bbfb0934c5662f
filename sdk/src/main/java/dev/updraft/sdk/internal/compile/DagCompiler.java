package dev.updraft.sdk.internal.compile;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagValidationException;
import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.TaskDefinition;
import dev.updraft.sdk.TriggerRule;
import dev.updraft.sdk.ValidationProblem;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.internal.dag.ComponentOperator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/** Validates a {@link Dag} and compiles it into a {@link CompiledDag}. */
public final class DagCompiler {
  private DagCompiler() {}

  /**
   * Compiles {@code dag}.
   *
   * @throws DagValidationException listing every problem found, each naming its culprit
   */
  public static CompiledDag compile(Dag dag) {
    Problems problems = new Problems();
    DagSettingsCheck.check(dag, problems);
    Map<String, BaseComponent> components = new HashMap<>();
    Map<String, ComponentOperator> operators = new java.util.LinkedHashMap<>();
    for (TaskDefinition task : dag.tasks()) {
      TaskChecks.check(task, problems);
      if (task.operator() instanceof ComponentOperator operator) {
        components.putIfAbsent(task.taskId(), operator.component());
        operators.putIfAbsent(task.taskId(), operator);
      }
    }
    operators
        .values()
        .forEach(
            op ->
                ComponentChecks.check(
                    op.component(), op.fixedInputs().keySet(), components, problems));
    DirectedAcyclicGraph<String, DefaultEdge> graph = TaskGraphBuilder.build(dag, problems);
    if (!problems.isEmpty()) {
      throw new DagValidationException(dag.dagId(), problems.list());
    }
    Map<String, TaskDefinition> tasks = new HashMap<>();
    Map<String, TaskOptions> options = new HashMap<>();
    for (TaskDefinition task : dag.tasks()) {
      TaskArgs args = task.args().resolve();
      tasks.put(task.taskId(), task);
      options.put(
          task.taskId(),
          new TaskOptions(args, TriggerRule.fromValue(args.triggerRule()).orElseThrow()));
    }
    return new CompiledDag(dag, graph, tasks, options);
  }

  /** The problems of {@code dag}, empty if it compiles. */
  public static List<ValidationProblem> problems(Dag dag) {
    try {
      compile(dag);
      return List.of();
    } catch (DagValidationException e) {
      return e.problems();
    }
  }
}
