package dev.updraft.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.examples.custom.CustomComponentsDag;
import dev.updraft.examples.custom.FilterExamples;
import dev.updraft.examples.custom.KeyValueExampleGen;
import dev.updraft.examples.hello.HelloWorld;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.testing.ComponentTestHarness;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.DagTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleDagsTest {

  @Test
  void helloWorldSucceedsWithARetryABranchSkippedAndCleanupAfterAFailure() {
    DagRunResult run =
        DagTestHarness.forDag(new HelloWorld().create())
            .logicalDate(Instant.parse("2024-01-01T00:00:00Z"))
            .run();

    assertThat(run.state()).isEqualTo(DagRunState.SUCCESS);
    assertThat(run.xcom("make_greeting", String.class)).contains("Hello, Updraft!");
    assertThat(run.xcom("count_letters", Integer.class)).contains(12);
    assertThat(run.state("even_letters")).isEqualTo(TaskState.SUCCESS);
    assertThat(run.state("odd_letters")).isEqualTo(TaskState.SKIPPED);
    assertThat(run.state("join")).isEqualTo(TaskState.SUCCESS);
    assertThat(run.task("flaky_fetch").tryCount()).isEqualTo(2);
    assertThat(run.xcom("flaky_fetch", String.class)).contains("fetched on try 2");
    assertThat(run.state("always_fails")).isEqualTo(TaskState.FAILED);
    assertThat(run.state("cleanup")).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void customComponentsPipelineFiltersAndSummarizes(@TempDir Path dir) throws Exception {
    DagRunResult run =
        DagTestHarness.forDag(new CustomComponentsDag().create())
            .artifactRoot(dir.resolve("artifacts"))
            .conf(Map.of("data_dir", dir.resolve("data").toString()))
            .run();

    assertThat(run.state()).isEqualTo(DagRunState.SUCCESS);
    Examples filtered = (Examples) run.outputs("FilterExamples", "filtered").get(0);
    long kept = 0;
    for (String split : filtered.splitNames()) {
      for (String line : Files.readAllLines(filtered.splitPath(split).resolve("data.jsonl"))) {
        assertThat(line).containsPattern("\"bill_length_mm\":(4[5-9]|5\\d)");
        kept++;
      }
    }
    assertThat(kept).isEqualTo(6); // the six penguins with bills of 45 mm or more
    Artifact summary = run.outputs("SummarizeColumn", "statistics").get(0);
    assertThat(Files.readString(summary.path().resolve("summary.json")))
        .contains("body_mass_g")
        .contains("count");
  }

  @Test
  void keyValueExampleGenReportsMalformedLinesByFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("events.log"), "a=1 b=2\nnot-a-pair\n");
    var result = ComponentTestHarness.forComponent(new KeyValueExampleGen(dir.toString())).run();
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error()).contains("events.log:2: expected key=value, found 'not-a-pair'");
  }

  @Test
  void filterDriverResolvesExamplesFromTheBoundInput(@TempDir Path dir) throws Exception {
    Examples examples = new Examples();
    examples.setUri(dir.resolve("in").toString());
    examples.setSplitNames(List.of("train"));
    Files.createDirectories(examples.splitPath("train"));
    Files.writeString(
        examples.splitPath("train").resolve("data.jsonl"), "{\"x\":1}\n{\"x\":5}\n{\"y\":9}\n");

    var result =
        ComponentTestHarness.forComponent(new FilterExamples(null, "x", 2))
            .input(FilterExamples.EXAMPLES, examples)
            .run();

    assertThat(result.state()).as(result.error()).isEqualTo(TaskState.SUCCESS);
    Examples filtered = result.output(FilterExamples.FILTERED, Examples.class);
    assertThat(Files.readAllLines(filtered.splitPath("train").resolve("data.jsonl")))
        .containsExactly("{\"x\":5}");
  }

  @Test
  void filterDriverFallsBackToTheLatestExamplesAndFailsClearlyWhenThereAreNone() {
    var result = ComponentTestHarness.forComponent(new FilterExamples(null, "x", 2)).run();
    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.log())
        .anyMatch(line -> line.contains("No examples bound; resolved the latest: []"));
    assertThat(result.error()).contains("no examples to filter");
  }
}
