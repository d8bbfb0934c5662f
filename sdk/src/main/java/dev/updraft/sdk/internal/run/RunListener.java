package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.TaskTry;

/**
 * Hears what a run does as it happens: to print it, or to record it in the metadata database. Every
 * method may be ignored.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** The run is about to start its first task. */
  default void onRunStarted(CompiledDag dag, RunInfo run) {}

  /** A task instance entered {@code state} ({@code tryNumber} 0 if it never ran). */
  default void onStateChange(String taskId, int tryNumber, TaskState state) {}

  /** A try of {@code taskId} logged {@code line}. */
  default void onLog(String taskId, int tryNumber, String line) {}

  /** A try ended (its state is success, skipped, failed or up_for_retry). */
  default void onTryFinished(String taskId, TaskTry taskTry) {}

  /** The run ended. */
  default void onRunFinished(DagRunResult result) {}

  /** A listener that tells {@code first}, then {@code second}. */
  static RunListener both(RunListener first, RunListener second) {
    return new RunListener() {
      @Override
      public void onRunStarted(CompiledDag dag, RunInfo run) {
        first.onRunStarted(dag, run);
        second.onRunStarted(dag, run);
      }

      @Override
      public void onStateChange(String taskId, int tryNumber, TaskState state) {
        first.onStateChange(taskId, tryNumber, state);
        second.onStateChange(taskId, tryNumber, state);
      }

      @Override
      public void onLog(String taskId, int tryNumber, String line) {
        first.onLog(taskId, tryNumber, line);
        second.onLog(taskId, tryNumber, line);
      }

      @Override
      public void onTryFinished(String taskId, TaskTry taskTry) {
        first.onTryFinished(taskId, taskTry);
        second.onTryFinished(taskId, taskTry);
      }

      @Override
      public void onRunFinished(DagRunResult result) {
        first.onRunFinished(result);
        second.onRunFinished(result);
      }
    };
  }
}
