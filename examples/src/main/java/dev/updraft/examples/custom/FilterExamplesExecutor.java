package dev.updraft.examples.custom;

import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.ComponentExecutor;
import dev.updraft.sdk.component.ExecutorContext;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Keeps the examples whose {@code column} is at least {@code min_value}, split by split. */
public final class FilterExamplesExecutor implements ComponentExecutor {
  @Override
  public void execute(ExecutorContext context) throws Exception {
    if (context.inputs(FilterExamples.EXAMPLES).isEmpty()) {
      throw new IllegalStateException("no examples to filter: none bound and none recorded yet");
    }
    Examples input = context.input(FilterExamples.EXAMPLES, Examples.class);
    Examples output = context.output(FilterExamples.FILTERED, Examples.class);
    String column = context.parameter(FilterExamples.COLUMN, String.class);
    double minValue = context.parameter(FilterExamples.MIN_VALUE, Double.class);
    for (String split : input.splitNames()) {
      List<Map<String, Object>> rows = JsonLines.read(input.splitPath(split).resolve("data.jsonl"));
      List<Map<String, Object>> kept =
          rows.stream()
              .filter(row -> row.get(column) instanceof Number n && n.doubleValue() >= minValue)
              .toList();
      Files.createDirectories(output.splitPath(split));
      JsonLines.write(output.splitPath(split).resolve("data.jsonl"), kept);
      output.setProperty("num_examples_" + split, kept.size());
      context
          .log()
          .printf(
              "%s: kept %d of %d examples with %s >= %s%n",
              split, kept.size(), rows.size(), column, minValue);
    }
    output.setSplitNames(input.splitNames());
  }
}
