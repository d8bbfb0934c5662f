package dev.updraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.examples.hello.HelloWorld;
import dev.updraft.metadata.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against the real example DAGs, loaded by the DAG bag from their class folder. */
class CliTest {
  @TempDir static Path home;
  static Path examples;

  record Outcome(int exitCode, String out, String err) {}

  @BeforeAll
  static void locateExamples() throws Exception {
    // The examples' class folder in a reactor build, their jar otherwise: the DAG bag reads both.
    examples =
        Path.of(HelloWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(examples).exists();
  }

  /** The default: an embedded H2 file under the test's home. */
  static DatabaseConfig database() {
    return DatabaseConfig.fromEnvironment(Map.of(), home);
  }

  private static Outcome run(String... args) {
    UpdraftConfig config =
        new UpdraftConfig(home, home.resolve("dags"), examples, true, database());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = UpdraftCommand.commandLine(config);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void dagsListPrintsTheExamplesAsJson() throws Exception {
    Outcome outcome = run("dags", "list", "-o", "json");
    assertThat(outcome.exitCode()).isZero();
    List<Map<String, Object>> rows = new ObjectMapper().readValue(outcome.out(), List.class);
    assertThat(rows)
        .extracting(row -> row.get("dag_id"))
        .containsExactly("custom_components", "hello_world");
    assertThat(rows.get(1)).containsEntry("owners", "updraft").containsEntry("schedule", "@daily");
  }

  @Test
  void dagsTestHelloWorldSucceedsAndPrintsEveryTasksState() {
    Outcome outcome = run("dags", "test", "hello_world", "--logical-date", "2024-01-01");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .contains("DAG run manual__2024-01-01T00:00:00+00:00 of hello_world: success")
        .containsPattern("flaky_fetch\\s+\\| success\\s+\\| 2 ")
        .containsPattern("odd_letters\\s+\\| skipped\\s+\\| 0 ")
        .containsPattern("always_fails\\s+\\| failed\\s+\\| 1 ")
        .containsPattern("cleanup\\s+\\| success\\s+\\| 1 ")
        .contains(
            "[say_hello] Hello from hello_world, run manual__2024-01-01T00:00:00+00:00, ds=2024-01-01");
  }

  @Test
  void confOverridesParamsAndChangesTheBranchTaken() {
    // The branch follows the parity of the greeting's letter count.
    Outcome outcome = run("dags", "test", "hello_world", "--conf", "{\"name\": \"Ada\"}");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out())
        .contains("Hello, Ada! has 8 letters")
        .containsPattern("odd_letters\\s+\\| skipped");
    Outcome odd = run("dags", "test", "hello_world", "--conf", "{\"name\": \"Bo\"}");
    assertThat(odd.out())
        .contains("Hello, Bo! has 7 letters")
        .containsPattern("even_letters\\s+\\| skipped");
  }

  @Test
  void customComponentsRunEndToEnd() {
    Outcome outcome =
        run(
            "dags",
            "test",
            "custom_components",
            "--conf",
            "{\"data_dir\": \"" + home.resolve("data") + "\"}");
    assertThat(outcome.exitCode()).as(outcome.out()).isZero();
    assertThat(outcome.out())
        .contains("train: kept")
        .containsPattern("SummarizeColumn\\s+\\| success");
  }

  @Test
  void unknownDagExitsNonZeroAndListsTheKnownOnes() {
    Outcome outcome = run("dags", "test", "no_such_dag");
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.err())
        .contains("DAG 'no_such_dag' not found. Known DAGs: custom_components, hello_world");
  }

  @Test
  void badConfIsAClearError() {
    Outcome outcome = run("dags", "test", "hello_world", "--conf", "{not json");
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.err()).contains("--conf must be a JSON object");
  }

  @Test
  void dagsShowPrintsDot() {
    Outcome outcome = run("dags", "show", "hello_world", "--dot");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out())
        .startsWith("digraph \"hello_world\"")
        .contains("\"say_hello\" -> \"make_greeting\";");
  }

  @Test
  void tasksTestRunsOneTaskWithoutItsUpstream() {
    Outcome outcome = run("tasks", "test", "hello_world", "say_hello", "2024-02-03");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).contains("ds=2024-02-03").contains("finished: success after 1 try");
    assertThat(outcome.out()).doesNotContain("[make_greeting]");
  }

  @Test
  void brokenDagFilesAreImportErrorsNotCrashes() throws Exception {
    Path dags = home.resolve("broken-dags");
    Path classes = dags.resolve("broken/META-INF/services");
    Files.createDirectories(classes);
    Files.writeString(classes.resolve("dev.updraft.sdk.DagFactory"), "com.example.Missing\n");
    UpdraftConfig config = new UpdraftConfig(home, dags, examples, true, database());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = UpdraftCommand.commandLine(config);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute("dags", "list")).isZero();
    assertThat(out.toString()).contains("hello_world");
    assertThat(err.toString()).contains("updraft dags list-import-errors");
    StringWriter errors = new StringWriter();
    line.setOut(new PrintWriter(errors, true));
    assertThat(line.execute("dags", "list-import-errors")).isEqualTo(1);
    assertThat(errors.toString()).contains("com.example.Missing");
  }

  @Test
  void dbCommandsMigrateCheckAndRefuseResetWithoutConfirmation() {
    Outcome migrate = run("db", "migrate");
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(migrate.out()).contains("jdbc:h2:file:").contains("schema current at version");
    Outcome check = run("db", "check");
    assertThat(check.exitCode()).isZero();
    Outcome reset = run("db", "reset");
    assertThat(reset.exitCode()).isEqualTo(1);
    assertThat(reset.err()).contains("without --yes");
    assertThat(run("db", "reset", "--yes").exitCode()).isZero();
  }

  @Test
  void unreachableDatabaseIsOneLineWithoutThePassword() {
    UpdraftConfig config =
        new UpdraftConfig(
            home,
            home.resolve("dags"),
            examples,
            true,
            new DatabaseConfig(
                "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2&connectTimeout=1",
                null,
                1));
    StringWriter err = new StringWriter();
    CommandLine line = UpdraftCommand.commandLine(config);
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute("db", "check")).isEqualTo(1);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("password=***").doesNotContain("hunter2");
  }
}
