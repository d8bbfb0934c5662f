package dev.updraft.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Java source of a generated DAG factory: a start task, then blocks that fan out to
 * three shell tasks and fan back in to a join, then a short chain for the tasks left over. It
 * resembles a typical ETL DAG closely enough to exercise the compiler's graph building.
 */
final class DagSourceGenerator {
  static final String PACKAGE = "bench.dags";
  private static final int FAN_OUT = 3;

  private DagSourceGenerator() {}

  /** The binary name of DAG {@code index}'s factory class. */
  static String className(int index) {
    return PACKAGE + "." + simpleName(index);
  }

  static String dagId(int index) {
    return String.format("generated_%05d", index);
  }

  private static String simpleName(int index) {
    return String.format("GeneratedDag%05d", index);
  }

  /** The source of DAG {@code index}'s factory, with {@code tasks} tasks. */
  static String source(int index, int tasks) {
    List<String> lines = new ArrayList<>();
    lines.add("var t0 = dag.empty(\"start\");");
    String previous = "t0";
    int next = 1;
    int block = 0;
    while (tasks - next >= FAN_OUT + 1) {
      List<String> branches = new ArrayList<>();
      for (int j = 0; j < FAN_OUT; j++, next++) {
        String variable = "t" + next;
        lines.add(
            String.format(
                "var %s = dag.bash(\"extract_%d_%d\", \"echo extract %d.%d for {{ ds }}\");",
                variable, block, j, block, j));
        branches.add(variable);
      }
      lines.add(previous + ".then(java.util.List.of(" + String.join(", ", branches) + "));");
      String join = "t" + next++;
      lines.add(
          String.format(
              "var %s = dag.empty(\"join_%d\").dependsOn(%s);",
              join, block, String.join(", ", branches)));
      previous = join;
      block++;
    }
    for (; next < tasks; next++) {
      String variable = "t" + next;
      lines.add(
          String.format(
              "var %s = dag.bash(\"report_%d\", \"echo report %d of {{ dag.dag_id }}\");",
              variable, next, next));
      lines.add(previous + ".then(" + variable + ");");
      previous = variable;
    }
    StringBuilder body = new StringBuilder();
    lines.forEach(line -> body.append("    ").append(line).append('\n'));
    return "package "
        + PACKAGE
        + ";\n\n"
        + "import dev.updraft.sdk.Dag;\n"
        + "import dev.updraft.sdk.DagBuilder;\n"
        + "import dev.updraft.sdk.DagDefinition;\n"
        + "import dev.updraft.sdk.DagFactory;\n\n"
        + "@DagDefinition\n"
        + "public class "
        + simpleName(index)
        + " implements DagFactory {\n"
        + "  @Override\n"
        + "  public Dag create() {\n"
        + "    DagBuilder dag = Dag.builder(\""
        + dagId(index)
        + "\").schedule(\"@daily\").startDate(\"2024-01-01\").tags(\"generated\");\n"
        + body
        + "    return dag.build();\n"
        + "  }\n"
        + "}\n";
  }
}
