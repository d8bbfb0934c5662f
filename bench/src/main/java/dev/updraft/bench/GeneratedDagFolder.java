package dev.updraft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** Generates, compiles and jars the benchmark's DAGs into a dags folder. */
final class GeneratedDagFolder {
  private GeneratedDagFolder() {}

  /**
   * Builds the DAGs {@code options} asks for under {@code work}.
   *
   * @return the dags folder, holding only the jars
   */
  static Path create(BenchmarkOptions options, Path work) throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < options.dags(); i++) {
      sources.put(DagSourceGenerator.className(i), DagSourceGenerator.source(i, options.tasks()));
    }
    Path classes = work.resolve("classes");
    // One compiler run for all DAGs: per-class runs would take minutes.
    InProcessCompiler.compile(sources, work.resolve("src"), classes);
    Path dagsFolder = Files.createDirectories(work.resolve("dags"));
    for (int jar = 0; jar < options.jars(); jar++) {
      int from = jar * options.perJar();
      int to = Math.min(from + options.perJar(), options.dags());
      List<String> classNames =
          IntStream.range(from, to).mapToObj(DagSourceGenerator::className).toList();
      DagJarWriter.write(
          dagsFolder.resolve(String.format(Locale.ROOT, "dags-%05d.jar", jar)),
          classes,
          classNames);
    }
    return dagsFolder;
  }
}
