package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many writers on one task instance: compare-and-set must pick one winner and lose no update. */
class TaskInstanceConcurrencyTest {
  private static final int THREADS = 8;
  private static final Instant T = Instant.parse("2025-02-01T12:00:00Z");

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  @Timeout(120)
  void exactlyOneOfEightRacersMovesQueuedToRunning(Dialect dialect) throws Exception {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      UUID id = Runs.runWithTasks(db, "etl", "r", TaskState.QUEUED, "a").get(0).id();
      TaskInstanceRepository tis = new TaskInstanceRepository(db);
      CyclicBarrier start = new CyclicBarrier(THREADS);

      List<Boolean> results =
          runAll(
              worker -> {
                start.await();
                return tis.transition(
                    id,
                    Set.of(TaskState.QUEUED),
                    TaskState.RUNNING,
                    TransitionDetails.at(T).withProcess("worker-" + worker, 1000 + worker));
              });

      assertThat(results).filteredOn(applied -> applied).hasSize(1);
      assertThat(results).filteredOn(applied -> !applied).hasSize(THREADS - 1);
      int winner = results.indexOf(true);
      TaskInstanceRecord row = tis.find(id).orElseThrow();
      assertThat(row.state()).isEqualTo(TaskState.RUNNING);
      assertThat(row.version()).as("written exactly once").isEqualTo(1);
      assertThat(row.hostname()).isEqualTo("worker-" + winner);
      assertThat(row.pid()).isEqualTo(1000 + winner);
      assertThat(
              Raw.one(
                  db,
                  String.class,
                  "SELECT state FROM task_instance WHERE id = :id",
                  java.util.Map.of("id", id)))
          .isEqualTo("running");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  @Timeout(300)
  void readModifyWriteIncrementsWithRetryNeverLoseAnUpdate(Dialect dialect) throws Exception {
    int perThread = 50;
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      UUID id = Runs.runWithTasks(db, "etl", "r", TaskState.RUNNING, "a").get(0).id();
      TaskInstanceRepository tis = new TaskInstanceRepository(db);
      CyclicBarrier start = new CyclicBarrier(THREADS);

      List<Integer> losses =
          runAll(
              worker -> {
                start.await();
                int lost = 0;
                for (int i = 0; i < perThread; i++) {
                  while (true) {
                    // Read, compute outside the database, write only if nobody wrote in between.
                    TaskInstanceRecord seen = tis.find(id).orElseThrow();
                    TransitionDetails increment =
                        TransitionDetails.at(T)
                            .expectingVersion(seen.version())
                            .withTryNumber(seen.tryNumber() + 1);
                    if (tis.transition(
                        id, Set.of(TaskState.RUNNING), TaskState.RUNNING, increment)) {
                      break;
                    }
                    lost++;
                  }
                }
                return lost;
              });

      TaskInstanceRecord row = tis.find(id).orElseThrow();
      assertThat(row.tryNumber()).isEqualTo(THREADS * perThread);
      assertThat(row.version()).isEqualTo(THREADS * perThread);
      assertThat(
              Raw.one(
                  db,
                  Integer.class,
                  "SELECT try_number FROM task_instance WHERE id = :id",
                  java.util.Map.of("id", id)))
          .isEqualTo(400);
      assertThat(losses).hasSize(THREADS);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  @Timeout(300)
  void concurrentNewTriesEachCountOnce(Dialect dialect) throws Exception {
    int perThread = 25;
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      UUID id = Runs.runWithTasks(db, "etl", "r", TaskState.RUNNING, "a").get(0).id();
      TaskInstanceRepository tis = new TaskInstanceRepository(db);
      CyclicBarrier start = new CyclicBarrier(THREADS);

      runAll(
          worker -> {
            start.await();
            for (int i = 0; i < perThread; i++) {
              // The repository reads the try number inside its transaction; a lost race retries.
              while (!tis.transition(
                  id,
                  Set.of(TaskState.RUNNING),
                  TaskState.RUNNING,
                  TransitionDetails.at(T).asNewTry())) {
                Thread.onSpinWait();
              }
            }
            return null;
          });

      assertThat(tis.find(id).orElseThrow().tryNumber()).isEqualTo(THREADS * perThread);
    }
  }

  private interface Worker<T> {
    T run(int worker) throws Exception;
  }

  private static <T> List<T> runAll(Worker<T> worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int n = i;
        futures.add(pool.submit((Callable<T>) () -> worker.run(n)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(240, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
