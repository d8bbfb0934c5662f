package dev.updraft.sdk.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.testing.ComponentTestHarness;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.DagTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentRunTest {

  /** From scratch: writes {@code rows} lines into its Examples output. */
  @Component("LineWriter")
  static final class LineWriter extends BaseComponent {
    LineWriter(int rows) {
      super(
          ComponentSpec.builder()
              .output("examples", Examples.class)
              .parameter("rows", Integer.class)
              .build());
      bindParameter("rows", rows);
    }

    Channel<Examples> examples() {
      return output("examples", Examples.class);
    }

    @Override
    public ComponentExecutor executor() {
      return context -> {
        Examples examples = context.output("examples", Examples.class);
        int rows = context.parameter("rows", int.class);
        if (rows < 0) {
          throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        Files.createDirectories(examples.splitPath("train"));
        Files.write(
            examples.splitPath("train").resolve("data.txt"),
            java.util.Collections.nCopies(rows, "row"));
        examples.setSplitNames(List.of("train"));
      };
    }
  }

  /** A function component counting the lines of its input. */
  @ComponentFunction("CountLines")
  public static void countLines(
      @InputArtifact("examples") Examples examples,
      @OutputArtifact("statistics") ExampleStatistics statistics,
      @Parameter("label") String label)
      throws Exception {
    long lines = Files.readAllLines(examples.splitPath("train").resolve("data.txt")).size();
    statistics.setProperty("lines", lines);
    statistics.setProperty("label", label);
  }

  @Test
  void componentsRunInDependencyOrderAndRecordTheirOutputs(@TempDir Path root) {
    DagBuilder dag = Dag.builder("pipeline");
    LineWriter writer = new LineWriter(3);
    FunctionComponent counter =
        FunctionComponent.of(ComponentRunTest.class, "countLines")
            .input("examples", writer.examples())
            .parameter("label", "{{ dag_run.conf['label'] }}");
    dag.component(counter); // added first: the channel still orders it after the writer
    dag.component(writer);

    DagRunResult run =
        DagTestHarness.forDag(dag.build())
            .artifactRoot(root)
            .conf(Map.of("label", "templated"))
            .run();

    assertThat(run.state()).isEqualTo(DagRunState.SUCCESS);
    Artifact examples = run.outputs("LineWriter", "examples").get(0);
    assertThat(examples.state()).isEqualTo(ArtifactState.LIVE);
    assertThat(examples.path()).startsWith(root.resolve("pipeline/LineWriter/examples"));
    Artifact statistics = run.outputs("CountLines", "statistics").get(0);
    assertThat(statistics.property("lines")).isEqualTo(3L);
    assertThat(statistics.property("label")).isEqualTo("templated");
  }

  @Test
  void aFailingExecutorPublishesNothing(@TempDir Path root) {
    var result = ComponentTestHarness.forComponent(new LineWriter(-1)).artifactRoot(root).run();
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error()).contains("rows must not be negative: -1");
    assertThat(result.outputs().get("examples")).isEmpty();
  }

  @Test
  void harnessRunsOneComponentWithChosenInputs(@TempDir Path root) throws Exception {
    Examples examples = new Examples();
    examples.setUri(root.resolve("given").toString());
    Files.createDirectories(examples.splitPath("train"));
    Files.write(examples.splitPath("train").resolve("data.txt"), List.of("a", "b"));

    var result =
        ComponentTestHarness.forComponent(
                FunctionComponent.of(ComponentRunTest.class, "countLines").parameter("label", "x"))
            .input("examples", examples)
            .artifactRoot(root)
            .run();

    assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(result.output("statistics", ExampleStatistics.class).property("lines"))
        .isEqualTo(2L);
  }

  @Test
  void functionComponentSpecComesFromTheAnnotatedParameters() {
    FunctionComponent component = FunctionComponent.of(ComponentRunTest.class, "countLines");
    assertThat(component.componentType()).isEqualTo("CountLines");
    assertThat(component.spec().inputs()).containsOnlyKeys("examples");
    assertThat(component.spec().outputs()).containsOnlyKeys("statistics");
    assertThat(component.spec().parameters()).containsOnlyKeys("label");
  }

  public static void notAComponent(Examples examples) {}

  @ComponentFunction
  public static void unannotatedParameter(@InputArtifact("a") Examples a, String b) {}

  @Test
  void badFunctionComponentsAreRejectedNamingTheCulprit() {
    assertThatThrownBy(() -> FunctionComponent.of(ComponentRunTest.class, "notAComponent"))
        .hasMessageContaining("no @ComponentFunction method")
        .hasMessageContaining("notAComponent");
    assertThatThrownBy(() -> FunctionComponent.of(ComponentRunTest.class, "unannotatedParameter"))
        .hasMessageContaining("parameter 'b'")
        .hasMessageContaining("exactly one of @InputArtifact, @OutputArtifact, @Parameter");
  }

  @Test
  void askingForAnOutputThatDoesNotExistFailsAtOnce() {
    assertThatThrownBy(() -> new LineWriter(1).output("model", Examples.class))
        .hasMessageContaining("LineWriter has no output 'model'");
  }
}
