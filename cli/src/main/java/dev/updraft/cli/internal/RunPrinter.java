package dev.updraft.cli.internal;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.run.RunListener;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.TaskInstanceResult;
import dev.updraft.sdk.testing.TaskTry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Prints a run as it goes (log lines, state changes) and its summary at the end. */
final class RunPrinter implements RunListener {
  private final PrintWriter out;

  RunPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void onStateChange(String taskId, int tryNumber, TaskState state) {
    out.printf(
        "[%s] state: %s%s%n", taskId, state, tryNumber > 0 ? " (try " + tryNumber + ")" : "");
    out.flush();
  }

  @Override
  public synchronized void onLog(String taskId, int tryNumber, String line) {
    out.printf("[%s] %s%n", taskId, line);
    out.flush();
  }

  /** The per-task summary table and the run's final state. */
  void summary(DagRunResult run) {
    out.println();
    out.printf("DAG run %s of %s: %s%n", run.runId(), run.dagId(), run.state());
    List<List<String>> rows = new ArrayList<>();
    for (TaskInstanceResult task : run.tasks().values()) {
      rows.add(
          List.of(
              task.taskId(),
              String.valueOf(task.state()),
              Integer.toString(task.tryCount()),
              duration(task),
              lastError(task)));
    }
    TablePrinter.print(out, List.of("task_id", "state", "tries", "duration", "error"), rows);
  }

  private static String duration(TaskInstanceResult task) {
    if (task.tries().isEmpty()) {
      return "";
    }
    Duration total = Duration.ZERO;
    for (TaskTry taskTry : task.tries()) {
      total = total.plus(Duration.between(taskTry.startDate(), taskTry.endDate()));
    }
    return String.format("%.3fs", total.toMillis() / 1000.0);
  }

  private static String lastError(TaskInstanceResult task) {
    if (task.tries().isEmpty() || task.state() != TaskState.FAILED) {
      return "";
    }
    String error = task.tries().get(task.tries().size() - 1).error();
    return error == null ? "" : error.length() > 80 ? error.substring(0, 77) + "..." : error;
  }
}
