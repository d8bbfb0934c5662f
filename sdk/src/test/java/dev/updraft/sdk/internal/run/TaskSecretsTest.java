package dev.updraft.sdk.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.Connection;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.TaskContext;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.sdk.task.OperatorResult;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.DagTestHarness;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks read Airflow Variables and Connections through their context and templates. */
class TaskSecretsTest {
  private static final Instant DATE = Instant.parse("2025-01-01T00:00:00Z");
  private static final RunInfo RUN =
      new RunInfo("manual__x", "manual", DATE, DATE, DATE, Map.of(), Map.of());

  record Cfg(String bucket, List<Integer> sizes) {}

  private final InMemorySecrets secrets =
      new InMemorySecrets()
          .variable("region", "eu-west-1")
          .variable("cfg", "{\"bucket\": \"raw\", \"sizes\": [1, 2]}")
          .connection(
              new Connection("warehouse", "postgres", "db", "dwh", "etl", "pw", 5432, null));

  @Test
  void aTaskReadsVariablesAndConnectionsFromItsContext(@TempDir Path root) {
    DagBuilder dag = Dag.builder("secrets");
    dag.task(
        "read",
        () -> {
          TaskContext ctx = TaskContext.current();
          Cfg cfg = ctx.variable("cfg", Cfg.class).orElseThrow();
          Connection conn = ctx.connection("warehouse").orElseThrow();
          return ctx.variable("region").orElseThrow()
              + " "
              + cfg.bucket()
              + cfg.sizes()
              + " "
              + conn.login()
              + "@"
              + conn.host()
              + ":"
              + conn.port()
              + " "
              + ctx.variable("nope").isPresent()
              + " "
              + ctx.connection("nope").isPresent();
        });

    TryOutcome outcome = run(dag, "read", root);

    assertThat(outcome.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(((OperatorResult.Success) outcome.result()).returnValue())
        .isEqualTo("eu-west-1 raw[1, 2] etl@db:5432 false false");
  }

  @Test
  void aVariableThatIsNotJsonFailsTheTaskNamingIt(@TempDir Path root) {
    DagBuilder dag = Dag.builder("secrets");
    dag.task("read", () -> TaskContext.current().variable("region", Cfg.class));

    TryOutcome outcome = run(dag, "read", root);

    assertThat(outcome.state()).isEqualTo(TaskState.FAILED);
    assertThat(outcome.error()).hasMessageContaining("Variable region is not valid JSON");
  }

  @Test
  void templatedFieldsReadVariablesAndFailOnAMissingOne(@TempDir Path root) {
    DagBuilder dag = Dag.builder("secrets");
    dag.bash("ok", "echo {{ var.value.region }} {{ conn.warehouse.schema }}");
    dag.bash("missing", "echo {{ var.value.nope }}");

    TryOutcome ok = run(dag, "ok", root);
    TryOutcome missing = run(dag, "missing", root);

    assertThat(ok.renderedFields()).containsValue("echo eu-west-1 dwh");
    assertThat(missing.state()).isEqualTo(TaskState.FAILED);
    assertThat(missing.error()).hasMessageContaining("Variable nope does not exist");
  }

  @Test
  void theTestHarnessGivesTasksVariablesAndConnections() {
    DagBuilder dag = Dag.builder("secrets");
    dag.bash("echo", "echo {{ var.value.region }} {{ conn.warehouse.host }}");

    DagRunResult result =
        DagTestHarness.forDag(dag.build())
            .variable("region", "us-east-1")
            .connection(new Connection("warehouse", "http", "api", null, null, null, null, null))
            .secrets(secrets)
            .run();

    // The harness's own variable wins over the store behind it.
    assertThat(result.xcom("echo", String.class)).contains("us-east-1 api");
  }

  private TryOutcome run(DagBuilder dag, String taskId, Path root) {
    CompiledDag compiled = DagCompiler.compile(dag.build());
    try (TaskTryRunner runner =
            new TaskTryRunner(new InMemoryXComStore(), new InMemoryArtifactStore(root), secrets);
        PrintStream log = new PrintStream(OutputStream.nullOutputStream())) {
      return runner.run(compiled, taskId, RUN, 1, log);
    }
  }
}
