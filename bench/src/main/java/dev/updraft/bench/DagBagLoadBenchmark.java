package dev.updraft.bench;

import dev.updraft.scheduler.dagbag.DagBag;
import dev.updraft.scheduler.dagbag.ImportError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times {@link DagBag#load(Path)} on generated DAGs: by default 1,000 DAGs of 20 tasks, one per jar
 * as Airflow has one file per DAG. It generates and compiles the DAG classes in-process, jars them
 * in a temporary dags folder, then times one cold load (the first in this JVM) and several warm
 * ones, each a fresh bag closed afterwards. It exits non-zero unless every DAG loads without an
 * import error.
 *
 * <pre>
 * DagBagLoadBenchmark [--dags N] [--tasks N] [--per-jar K] [--warm N]
 * </pre>
 */
public final class DagBagLoadBenchmark {
  private DagBagLoadBenchmark() {}

  public static void main(String[] args) throws IOException {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("dagbag-bench");
    boolean passed;
    try {
      passed = run(options, work);
    } finally {
      deleteRecursively(work);
    }
    System.exit(passed ? 0 : 1);
  }

  /** One timed load: how long it took and what it yielded. */
  private record LoadRun(double millis, int dags, List<ImportError> errors) {}

  private static boolean run(BenchmarkOptions options, Path work) throws IOException {
    System.out.printf(
        Locale.ROOT,
        "DagBag load benchmark: %d DAGs x %d tasks, %d per jar (%d jars); %d processors, Java %s%n",
        options.dags(),
        options.tasks(),
        options.perJar(),
        options.jars(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    long start = System.nanoTime();
    Path dagsFolder = GeneratedDagFolder.create(options, work);
    System.out.printf(
        Locale.ROOT,
        "generated, compiled and jarred in %.1f s%n",
        seconds(System.nanoTime() - start));

    LoadRun cold = timeLoad(dagsFolder);
    System.out.printf(Locale.ROOT, "cold load: %8.1f ms%n", cold.millis());
    if (!complete(cold, options)) {
      return false;
    }
    List<Double> warm = new ArrayList<>();
    LoadRun last = cold;
    for (int i = 0; i < options.warmRuns(); i++) {
      System.gc(); // collect the previous bag's classes outside the timed window
      last = timeLoad(dagsFolder);
      if (!complete(last, options)) {
        return false;
      }
      warm.add(last.millis());
    }
    Timings timings = Timings.of(warm);
    System.out.printf(
        Locale.ROOT,
        "warm load: %8.1f ms min, %.1f ms median, %.1f ms p90 (%d runs)%n",
        timings.min(),
        timings.median(),
        timings.p90(),
        warm.size());
    System.out.printf(
        Locale.ROOT, "DAGs loaded: %d, import errors: %d%n", last.dags(), last.errors().size());
    return true;
  }

  /** Loads a fresh bag, timed, and closes it. */
  private static LoadRun timeLoad(Path dagsFolder) {
    long start = System.nanoTime();
    try (DagBag bag = DagBag.load(dagsFolder)) {
      double millis = (System.nanoTime() - start) / 1e6;
      return new LoadRun(millis, bag.dags().size(), bag.importErrors());
    }
  }

  /** Whether every DAG loaded without an error; says what went wrong if not. */
  private static boolean complete(LoadRun run, BenchmarkOptions options) {
    if (run.dags() == options.dags() && run.errors().isEmpty()) {
      return true;
    }
    System.out.printf(
        Locale.ROOT,
        "FAILED: DAGs loaded: %d of %d, import errors: %d%n",
        run.dags(),
        options.dags(),
        run.errors().size());
    run.errors().stream()
        .limit(5)
        .forEach(error -> System.out.println("  " + error.source() + ": " + error.message()));
    return false;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
