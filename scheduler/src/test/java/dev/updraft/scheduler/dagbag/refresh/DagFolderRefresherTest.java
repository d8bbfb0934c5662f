package dev.updraft.scheduler.dagbag.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.scheduler.dagbag.DagArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagFolderRefresherTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);

  @TempDir Path tmp;

  @Test
  void callsTheListenerOnlyAfterAChange() throws Exception {
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    BlockingQueue<RefreshResult> results = new LinkedBlockingQueue<>();
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags);
        DagFolderRefresher refresher = DagFolderRefresher.start(watcher, INTERVAL, results::add)) {
      Thread.sleep(3 * INTERVAL.toMillis());
      assertThat(results).as("an empty folder that stays empty changes nothing").isEmpty();

      Path jar =
          new DagArtifacts(tmp.resolve("work"))
              .jar(
                  tmp.resolve("etl.jar"),
                  Map.of("com.example.Etl", DagArtifacts.factory("com.example.Etl", "etl")),
                  List.of("com.example.Etl"));
      // Moved in whole, so that no refresh sees a half-written jar.
      Files.move(jar, dags.resolve("etl.jar"));

      RefreshResult result = results.poll(10, TimeUnit.SECONDS);
      assertThat(result).isNotNull();
      assertThat(result.added()).containsExactly(dags.resolve("etl.jar").toString());
      assertThat(watcher.current().dag("etl")).isPresent();
      Thread.sleep(3 * INTERVAL.toMillis());
      assertThat(results).isEmpty();
    }
  }

  @Test
  void failuresAreReportedAndTheThreadKeepsGoing() throws Exception {
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    CountDownLatch failures = new CountDownLatch(2);
    CountDownLatch calls = new CountDownLatch(2);
    RefreshListener listener =
        new RefreshListener() {
          @Override
          public void refreshed(RefreshResult result) {
            calls.countDown();
            throw new IllegalStateException("listener broke");
          }

          @Override
          public void failed(Throwable failure) {
            failures.countDown();
          }
        };
    DagArtifacts artifacts = new DagArtifacts(tmp.resolve("work"));
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags);
        DagFolderRefresher refresher = DagFolderRefresher.start(watcher, INTERVAL, listener)) {
      for (String name : List.of("A", "B")) {
        Path jar =
            artifacts.jar(
                tmp.resolve(name + ".jar"),
                Map.of("com.example." + name, DagArtifacts.factory("com.example." + name, name)),
                List.of("com.example." + name));
        Files.move(jar, dags.resolve(name + ".jar"));
        Thread.sleep(3 * INTERVAL.toMillis());
      }
      assertThat(calls.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(failures.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(watcher.current().dags()).hasSize(2);
    }
  }

  @Test
  void rejectsANonPositiveInterval() {
    try (DagFolderWatcher watcher = new DagFolderWatcher(tmp)) {
      assertThatThrownBy(() -> DagFolderRefresher.start(watcher, Duration.ZERO, r -> {}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
