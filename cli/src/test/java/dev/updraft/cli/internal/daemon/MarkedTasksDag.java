package dev.updraft.cli.internal.daemon;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * {@code marked}: {@code MARKED_TASKS} independent tasks, each appending a {@code start} and an
 * {@code end} line (run, task, try, process) to the file {@code MARKED_TASKS_LOG}, with a pause of
 * {@code MARKED_TASKS_SLEEP_MS} between them, so tests can prove how often each try ran.
 */
public final class MarkedTasksDag implements DagFactory {
  @Override
  public Dag create() {
    int tasks = Integer.parseInt(System.getenv().getOrDefault("MARKED_TASKS", "50"));
    DagBuilder dag = Dag.builder("marked").maxActiveRuns(16).maxActiveTasks(64);
    for (int i = 0; i < tasks; i++) {
      String id = "t" + i;
      dag.task(id, MarkedTasksDag::mark).retries(2).retryDelay(Duration.ZERO);
    }
    return dag.build();
  }

  static String mark() throws InterruptedException {
    TaskContext context = TaskContext.current();
    String key =
        context.runId()
            + " "
            + context.taskId()
            + " "
            + context.tryNumber()
            + " "
            + ProcessHandle.current().pid();
    append("start " + key);
    Thread.sleep(Long.parseLong(System.getenv().getOrDefault("MARKED_TASKS_SLEEP_MS", "0")));
    append("end " + key);
    return key;
  }

  private static void append(String line) {
    try {
      // One small O_APPEND write per line: lines from several processes never interleave.
      Files.write(
          Path.of(System.getenv("MARKED_TASKS_LOG")),
          (line + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
