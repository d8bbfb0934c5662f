package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskState;

/** Hears what a run does as it happens, e.g. to print it. Both methods may be ignored. */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A task instance entered {@code state} ({@code tryNumber} 0 if it never ran). */
  default void onStateChange(String taskId, int tryNumber, TaskState state) {}

  /** A try of {@code taskId} logged {@code line}. */
  default void onLog(String taskId, int tryNumber, String line) {}
}
