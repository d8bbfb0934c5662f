package dev.updraft.components.examplegen;

import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.ComponentExecutor;
import dev.updraft.sdk.component.ExecutorContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The executor every {@link FileBasedExampleGen} shares: list, read, split, write. */
final class ExampleGenExecutor implements ComponentExecutor {
  /** A reader of one file: the component's hook. */
  interface RecordReader {
    void read(Path file, Consumer<Map<String, Object>> records) throws IOException;
  }

  private final RecordReader reader;
  private final Predicate<Path> accepts;

  ExampleGenExecutor(RecordReader reader, Predicate<Path> accepts) {
    this.reader = reader;
    this.accepts = accepts;
  }

  @Override
  public void execute(ExecutorContext context) throws IOException {
    Path inputBase = Path.of(context.parameter(FileBasedExampleGen.INPUT_BASE, String.class));
    if (!Files.isDirectory(inputBase)) {
      throw new IOException("input_base " + inputBase + " is not a directory");
    }
    List<Path> files = inputFiles(inputBase);
    if (files.isEmpty()) {
      throw new IOException("input_base " + inputBase + " holds no input files");
    }
    Examples examples = context.output(FileBasedExampleGen.EXAMPLES, Examples.class);
    HashSplitter splitter = new HashSplitter();
    try (SplitWriter writer = new SplitWriter(examples.path(), splitter.splitNames())) {
      for (Path file : files) {
        reader.read(file, record -> writer.write(splitter.splitOf(record), record));
      }
      examples.setSplitNames(splitter.splitNames());
      writer
          .counts()
          .forEach((split, count) -> examples.setProperty("num_examples_" + split, count));
      context
          .log()
          .println("Wrote " + writer.counts() + " examples from " + files.size() + " file(s)");
    }
  }

  private List<Path> inputFiles(Path inputBase) throws IOException {
    try (Stream<Path> paths = Files.walk(inputBase)) {
      return paths.filter(Files::isRegularFile).filter(accepts).sorted().toList();
    }
  }

  /** Writes records as JSON lines, one file per split. */
  private static final class SplitWriter implements AutoCloseable {
    private final Map<String, BufferedWriter> writers = new java.util.LinkedHashMap<>();
    private final Map<String, Long> counts = new java.util.LinkedHashMap<>();

    SplitWriter(Path root, List<String> splits) throws IOException {
      for (String split : splits) {
        Path directory = root.resolve("Split-" + split);
        Files.createDirectories(directory);
        writers.put(
            split,
            Files.newBufferedWriter(directory.resolve("data.jsonl"), StandardCharsets.UTF_8));
        counts.put(split, 0L);
      }
    }

    void write(String split, Map<String, Object> record) {
      try {
        BufferedWriter writer = writers.get(split);
        writer.write(dev.updraft.sdk.internal.Json.write(record));
        writer.newLine();
        counts.merge(split, 1L, Long::sum);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    Map<String, Long> counts() {
      return counts;
    }

    @Override
    public void close() throws IOException {
      List<IOException> failures = new ArrayList<>();
      for (BufferedWriter writer : writers.values()) {
        try {
          writer.close();
        } catch (IOException e) {
          failures.add(e);
        }
      }
      if (!failures.isEmpty()) {
        throw failures.get(0);
      }
    }
  }
}
