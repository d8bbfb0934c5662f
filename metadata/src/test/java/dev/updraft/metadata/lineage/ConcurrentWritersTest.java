package dev.updraft.metadata.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Concurrent writers: nothing lost, nothing doubled. */
class ConcurrentWritersTest {
  private static final String BOTH = "dev.updraft.metadata.TestDatabases#both";
  private static final int THREADS = 8;
  private static final int PER_THREAD = 40;

  @ParameterizedTest
  @MethodSource(BOTH)
  void executionsRecordedFromEightThreadsAllLand(Dialect dialect) throws Exception {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      // Shared inputs: every execution reads two of them, so attributions collide.
      List<Long> shared =
          lineage.putArtifacts(
              List.of(
                  ArtifactRecord.of("Examples", "/s/0"),
                  ArtifactRecord.of("Examples", "/s/1"),
                  ArtifactRecord.of("Examples", "/s/2")),
              List.of());
      Set<List<Long>> attributions = ConcurrentHashMap.newKeySet();
      AtomicInteger executions = new AtomicInteger();
      List<Callable<Void>> writers = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int id = thread;
        writers.add(
            () -> {
              for (int i = 0; i < PER_THREAD; i++) {
                // Contexts created concurrently too: runs and nodes shared between threads.
                PipelineContexts contexts =
                    lineage.pipelineContexts("dag", "run-" + (i % 4), "task-" + ((id + i) % 5));
                List<ArtifactRecord> inputs =
                    List.of(
                        ArtifactRecord.ref(shared.get(i % 3), "Examples"),
                        ArtifactRecord.ref(shared.get((i + 1) % 3), "Examples"));
                RecordedExecution recorded =
                    lineage.recordExecution(
                        ExecutionRecord.of("Trainer", ExecutionState.COMPLETE)
                            .withCustomProperty("thread", id),
                        Map.of("examples", inputs),
                        Map.of(
                            "model", List.of(ArtifactRecord.of("Model", "/m/" + id + "/" + i)),
                            "run", List.of(ArtifactRecord.of("ModelRun", "/r/" + id + "/" + i))),
                        contexts.ids());
                executions.incrementAndGet();
                for (long context : contexts.ids()) {
                  recorded
                      .inputIds()
                      .values()
                      .forEach(ids -> ids.forEach(a -> attributions.add(List.of(context, a))));
                  recorded
                      .outputIds()
                      .values()
                      .forEach(ids -> ids.forEach(a -> attributions.add(List.of(context, a))));
                }
              }
              return null;
            });
      }
      runAll(writers);

      int total = THREADS * PER_THREAD;
      assertThat(executions.get()).isEqualTo(total);
      var db = t.db();
      assertThat(Rows.table(db, "execution")).isEqualTo(total);
      assertThat(Rows.table(db, "artifact")).isEqualTo(3 + 2L * total);
      assertThat(Rows.table(db, "event")).isEqualTo(4L * total);
      assertThat(Rows.table(db, "event_path")).isEqualTo(8L * total);
      assertThat(Rows.table(db, "association")).isEqualTo(3L * total);
      assertThat(Rows.table(db, "attribution")).isEqualTo(attributions.size());
      assertThat(Rows.table(db, "execution_property")).isEqualTo(total);
      // One pipeline, 4 runs, 5 nodes, however many threads raced to create them.
      assertThat(Rows.table(db, "context")).isEqualTo(1 + 4 + 5);
      assertThat(Rows.table(db, "parent_context")).isEqualTo(4 + 5);
      assertThat(Rows.count(db, "SELECT COUNT(DISTINCT id) FROM artifact"))
          .isEqualTo(3 + 2L * total);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void concurrentPropertyAndStateChangesAreNotLost(Dialect dialect) throws Exception {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      long artifact = lineage.putArtifact(ArtifactRecord.of("Model", "/m"));
      long execution =
          lineage
              .recordExecution(
                  ExecutionRecord.of("Trainer", ExecutionState.RUNNING),
                  Map.of(),
                  Map.of(),
                  List.of())
              .executionId();
      AtomicInteger publishes = new AtomicInteger();
      AtomicInteger refusals = new AtomicInteger();
      List<Callable<Void>> writers = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int id = thread;
        writers.add(
            () -> {
              for (int i = 0; i < 10; i++) {
                lineage.setArtifactProperties(artifact, Map.of(), Map.of("t" + id + "_" + i, i));
              }
              // Everyone tries to finish the execution; exactly one may.
              try {
                lineage.publishExecution(
                    execution,
                    Map.of("out", List.of(ArtifactRecord.of("Model", "/out/" + id))),
                    id % 2 == 0 ? ExecutionState.COMPLETE : ExecutionState.FAILED,
                    Map.of("winner", id));
                publishes.incrementAndGet();
              } catch (IllegalStateException e) {
                refusals.incrementAndGet();
              }
              return null;
            });
      }
      runAll(writers);

      assertThat(lineage.getArtifact(artifact).orElseThrow().customProperties())
          .hasSize(THREADS * 10);
      assertThat(publishes.get()).isEqualTo(1);
      assertThat(refusals.get()).isEqualTo(THREADS - 1);
      ExecutionRecord finished = lineage.getExecution(execution).orElseThrow();
      assertThat(finished.state()).isIn(ExecutionState.COMPLETE, ExecutionState.FAILED);
      assertThat(lineage.outputsOf(execution).getOrDefault("out", List.of())).hasSize(1);
      Set<Object> winners = new HashSet<>();
      winners.add(finished.customProperties().get("winner"));
      assertThat(winners).hasSize(1);
    }
  }

  private static void runAll(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<Void>> futures = pool.invokeAll(tasks);
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
