package dev.updraft.bench.metadata;

import dev.updraft.bench.BenchDatabase;
import dev.updraft.bench.Percentiles;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.Direction;
import dev.updraft.metadata.lineage.LineageGraph;
import dev.updraft.metadata.lineage.LineageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Times the ML-lineage store on one database (targets in brackets):
 *
 * <ol>
 *   <li>recording executions with 2 inputs and 2 outputs each (artifacts, events with paths,
 *       attributions to 3 contexts, associations), one transaction each, from one thread and then
 *       from several [≥ 1,000 executions/s];
 *   <li>the latest blessed model of a pipeline with 100,000 artifacts in the store [p50 < 5 ms];
 *   <li>5-hop lineage subgraphs from the recorded artifacts [p50 < 20 ms].
 * </ol>
 *
 * <pre>
 * MetadataBenchmark --db h2|postgresql [--url JDBC_URL] [--executions N] [--threads N]
 *     [--artifacts N] [--queries N]
 * </pre>
 */
public final class MetadataBenchmark {
  private static final int WARM_UP_EXECUTIONS = 1000;
  private static final int WARM_UP_QUERIES = 200;

  /** Where query results go, so that the JIT cannot drop the work. */
  private static volatile long sink;

  private MetadataBenchmark() {}

  public static void main(String[] args) throws Exception {
    MetadataBenchmarkOptions options;
    try {
      options = MetadataBenchmarkOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try (BenchDatabase bench = BenchDatabase.open(options.database(), options.url(), "metadata")) {
      run(options, bench.db());
    }
  }

  private static void run(MetadataBenchmarkOptions options, MetadataDatabase db) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "Metadata benchmark on %s (%s): %d processors, Java %s%n",
        db.dialect(),
        db.config().maskedUrl(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    LineageStore lineage = new LineageStore(db);

    // 1. Recording executions.
    ExecutionWorkload serial = new ExecutionWorkload(lineage, "serial", 1);
    serial.record(WARM_UP_EXECUTIONS);
    long start = System.nanoTime();
    serial.record(options.executions());
    report("record executions, 1 thread", options.executions(), System.nanoTime() - start);
    int perThread = Math.max(1, options.executions() / options.threads());
    start = System.nanoTime();
    recordConcurrently(lineage, options.threads(), perThread);
    report(
        "record executions, " + options.threads() + " threads",
        perThread * options.threads(),
        System.nanoTime() - start);

    // 2. Latest blessed model among 100,000 artifacts.
    long existing = count(db, "artifact");
    start = System.nanoTime();
    int added =
        new ModelStoreBuilder(lineage).add((int) Math.max(0, options.artifacts() - existing));
    // A live store's planner statistics are current (PostgreSQL's autovacuum analyzes a table
    // once a tenth of it changed); this one was loaded a second ago, so refresh them as it would.
    db.withHandle(h -> h.execute("ANALYZE"));
    System.out.printf(
        Locale.ROOT,
        "build query store: %,d artifacts added in %.1f s (batched), %,d in the store, analyzed%n",
        added,
        (System.nanoTime() - start) / 1e9,
        count(db, "artifact"));
    Random random = new Random(7);
    time(
        "latest blessed model",
        options.queries(),
        () -> {
          String pipeline =
              ModelStoreBuilder.pipelineName(random.nextInt(ModelStoreBuilder.PIPELINES));
          return lineage.latestBlessedModel(pipeline).orElseThrow().id();
        });

    // 3. 5-hop lineage from artifacts the executions recorded.
    List<Long> starts = serial.outputs();
    for (Direction direction : List.of(Direction.UPSTREAM, Direction.BOTH)) {
      long[] nodes = new long[1];
      time(
          "lineage 5 hops " + direction.name().toLowerCase(Locale.ROOT),
          options.queries(),
          () -> {
            long artifact = starts.get(starts.size() / 4 + random.nextInt(starts.size() / 2));
            LineageGraph graph = lineage.lineageOfArtifact(artifact, direction, 5);
            nodes[0] += graph.artifacts().size() + graph.executions().size();
            return graph.events().size();
          });
      System.out.printf(
          Locale.ROOT,
          "  (%.1f artifacts + executions per subgraph)%n",
          nodes[0] / (double) (options.queries() + WARM_UP_QUERIES));
    }
  }

  private static void recordConcurrently(LineageStore lineage, int threads, int perThread)
      throws Exception {
    List<ExecutionWorkload> workloads = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workloads.add(new ExecutionWorkload(lineage, "concurrent-" + t, 100 + t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (ExecutionWorkload workload : workloads) {
        futures.add(pool.submit(() -> workload.record(perThread)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String what, int executions, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %,d executions in %.2f s = %,.0f executions/s (%.2f ms each)%n",
        what,
        executions,
        seconds,
        executions / seconds,
        seconds * 1000 / executions);
  }

  /** Times {@code query} after a warm-up and prints p50 and p99. */
  private static void time(String what, int queries, LongSupplier query) {
    for (int i = 0; i < WARM_UP_QUERIES; i++) {
      sink += query.getAsLong();
    }
    long[] nanos = new long[queries];
    for (int i = 0; i < queries; i++) {
      long start = System.nanoTime();
      sink += query.getAsLong();
      nanos[i] = System.nanoTime() - start;
    }
    Percentiles latencies = Percentiles.ofNanos(nanos);
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.2f ms, p99 %.2f ms over %,d queries%n",
        what,
        latencies.p50(),
        latencies.p99(),
        latencies.count());
  }

  private static long count(MetadataDatabase db, String table) {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
