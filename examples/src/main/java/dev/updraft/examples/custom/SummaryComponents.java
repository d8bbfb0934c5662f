package dev.updraft.examples.custom;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.ComponentFunction;
import dev.updraft.sdk.component.InputArtifact;
import dev.updraft.sdk.component.OutputArtifact;
import dev.updraft.sdk.component.Parameter;
import java.nio.file.Files;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

/** A component written as a function (TFX's {@code @component}). */
public final class SummaryComponents {
  private SummaryComponents() {}

  /** Count, mean, min and max of one numeric column, per split, written as JSON. */
  @ComponentFunction("SummarizeColumn")
  public static void summarizeColumn(
      @InputArtifact("examples") Examples examples,
      @OutputArtifact("statistics") ExampleStatistics statistics,
      @Parameter("column") String column)
      throws Exception {
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String split : examples.splitNames()) {
      DoubleSummaryStatistics stats =
          JsonLines.read(examples.splitPath(split).resolve("data.jsonl")).stream()
              .map(row -> row.get(column))
              .filter(value -> value instanceof Number)
              .mapToDouble(value -> ((Number) value).doubleValue())
              .summaryStatistics();
      summary.put(
          split,
          Map.of(
              "count", stats.getCount(),
              "mean", stats.getCount() == 0 ? 0 : stats.getAverage(),
              "min", stats.getCount() == 0 ? 0 : stats.getMin(),
              "max", stats.getCount() == 0 ? 0 : stats.getMax()));
    }
    Files.createDirectories(statistics.path());
    new ObjectMapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(statistics.path().resolve("summary.json").toFile(), Map.of(column, summary));
    statistics.setProperty("column", column);
  }
}
