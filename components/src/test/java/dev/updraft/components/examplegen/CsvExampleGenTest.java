package dev.updraft.components.examplegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.testing.ComponentTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExampleGenTest {

  @Test
  void splitsEveryRowIntoTrainOrEvalWithTypedValues(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    StringBuilder csv = new StringBuilder("species,bill_length_mm,note\n");
    for (int i = 0; i < 300; i++) {
      csv.append(i % 2 == 0 ? "Adelie" : "Gentoo")
          .append(',')
          .append(30 + i * 0.1)
          .append(",\"a, \"\"quoted\"\" note\"\n");
    }
    Files.writeString(input.resolve("penguins.csv"), csv);
    Files.writeString(input.resolve("ignored.txt"), "not,a,csv\n");

    var result =
        ComponentTestHarness.forComponent(new CsvExampleGen(input.toString()))
            .artifactRoot(dir.resolve("out"))
            .run();

    assertThat(result.state()).as(result.error()).isEqualTo(TaskState.SUCCESS);
    Examples examples = result.output("examples", Examples.class);
    assertThat(examples.splitNames()).containsExactly("train", "eval");
    List<String> train = Files.readAllLines(examples.splitPath("train").resolve("data.jsonl"));
    List<String> eval = Files.readAllLines(examples.splitPath("eval").resolve("data.jsonl"));
    assertThat(train.size() + eval.size()).isEqualTo(300);
    assertThat(train.size()).isBetween(170, 230); // about two thirds
    assertThat(train.get(0)).contains("\"note\":\"a, \\\"quoted\\\" note\"");
    assertThat(examples.property("num_examples_train")).isEqualTo((long) train.size());
  }

  @Test
  void malformedRowFailsNamingFileAndLineAndPublishesNothing(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("bad.csv"), "a,b\n1,2\n3\n4,5\n");

    var result = ComponentTestHarness.forComponent(new CsvExampleGen(input.toString())).run();

    assertThat(result.state()).isEqualTo(TaskState.FAILED);
    assertThat(result.error()).contains("bad.csv:3: expected 2 fields, found 1");
    assertThat(result.outputs().get("examples")).isEmpty();
  }

  @Test
  void unclosedQuoteIsReportedWithItsStartingLine(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("bad.csv"), "a,b\n1,\"never closed\n2,3\n");
    var result = ComponentTestHarness.forComponent(new CsvExampleGen(input.toString())).run();
    assertThat(result.error()).contains("bad.csv:2: unclosed quote");
  }

  @Test
  void inputBaseIsATemplate(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("2024-01-01"));
    Files.writeString(input.resolve("x.csv"), "a\n1\n2\n3\n");
    var result =
        ComponentTestHarness.forComponent(new CsvExampleGen(dir + "/{{ dag_run.conf['day'] }}"))
            .conf(Map.of("day", "2024-01-01"))
            .run();
    assertThat(result.state()).as(result.error()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void missingInputDirectoryIsAClearError(@TempDir Path dir) {
    var result =
        ComponentTestHarness.forComponent(new CsvExampleGen(dir.resolve("nope").toString())).run();
    assertThat(result.error()).contains("nope is not a directory");
  }

  @Test
  void cellsAreTyped() {
    assertThat(CellTypes.parse("42")).isEqualTo(42L);
    assertThat(CellTypes.parse("-1.5e3")).isEqualTo(-1500.0);
    assertThat(CellTypes.parse("TRUE")).isEqualTo(true);
    assertThat(CellTypes.parse(" NA ")).isNull();
    assertThat(CellTypes.parse("")).isNull();
    assertThat(CellTypes.parse("Adelie")).isEqualTo("Adelie");
  }
}
