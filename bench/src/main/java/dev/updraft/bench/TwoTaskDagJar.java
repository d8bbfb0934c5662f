package dev.updraft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a dags folder holding one jar with {@value #DAG_ID}: two shell tasks in a row. */
public final class TwoTaskDagJar {
  public static final String DAG_ID = "api_bench_two_tasks";
  private static final String CLASS_NAME = "bench.api.TwoTaskDag";

  private TwoTaskDagJar() {}

  /** Compiles the DAG under {@code work} and returns the dags folder. */
  public static Path create(Path work) throws IOException {
    String source =
        """
        package bench.api;

        import dev.updraft.sdk.Dag;
        import dev.updraft.sdk.DagBuilder;
        import dev.updraft.sdk.DagDefinition;
        import dev.updraft.sdk.DagFactory;

        @DagDefinition
        public class TwoTaskDag implements DagFactory {
          @Override
          public Dag create() {
            DagBuilder dag = Dag.builder("%s").tags("bench");
            var extract = dag.bash("extract", "echo extract for {{ run_id }}");
            var load = dag.bash("load", "echo load {{ dag_run.conf }}");
            extract.then(load);
            return dag.build();
          }
        }
        """
            .formatted(DAG_ID);
    Path classes = work.resolve("classes");
    InProcessCompiler.compile(Map.of(CLASS_NAME, source), work.resolve("src"), classes);
    Path dags = Files.createDirectories(work.resolve("dags"));
    DagJarWriter.write(dags.resolve("api-bench.jar"), classes, List.of(CLASS_NAME));
    return dags;
  }

  /** {@code create(Path.of(args[0]))}, printing the dags folder: for the benchmark script. */
  public static void main(String[] args) throws IOException {
    System.out.println(create(Path.of(args[0])));
  }
}
