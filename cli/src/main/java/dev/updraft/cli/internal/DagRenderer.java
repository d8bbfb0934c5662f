package dev.updraft.cli.internal;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.io.PrintWriter;
import java.util.List;

/** Renders a DAG's structure as text or Graphviz DOT. */
final class DagRenderer {
  private DagRenderer() {}

  static void text(CompiledDag compiled, PrintWriter out) {
    Dag dag = compiled.dag();
    out.printf(
        "DAG %s (schedule %s, start %s, owner %s)%n",
        dag.dagId(), dag.schedule(), dag.startDate(), dag.owner());
    if (dag.description() != null) {
      out.println("  " + dag.description());
    }
    for (String taskId : compiled.topologicalOrder()) {
      List<String> upstream = compiled.upstream(taskId);
      out.printf(
          "  %s [%s, trigger_rule=%s]%s%n",
          taskId,
          compiled.task(taskId).operator().operatorName(),
          compiled.options(taskId).triggerRule(),
          upstream.isEmpty() ? "" : " <- " + String.join(", ", upstream));
    }
    out.flush();
  }

  static void dot(CompiledDag compiled, PrintWriter out) {
    out.printf("digraph \"%s\" {%n", escape(compiled.dagId()));
    out.println("  rankdir=LR;");
    out.println("  node [shape=box, style=rounded];");
    for (String taskId : compiled.topologicalOrder()) {
      out.printf("  \"%s\";%n", escape(taskId));
    }
    for (String taskId : compiled.topologicalOrder()) {
      for (String downstream : compiled.downstream(taskId)) {
        out.printf("  \"%s\" -> \"%s\";%n", escape(taskId), escape(downstream));
      }
    }
    out.println("}");
    out.flush();
  }

  private static String escape(String id) {
    return id.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
