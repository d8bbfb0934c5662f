package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskContext;

/** Holds the context of the task try running on each thread; set by the task runner. */
public final class CurrentTaskContext {
  private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

  private CurrentTaskContext() {}

  public static TaskContext get() {
    return CURRENT.get();
  }

  public static void set(TaskContext context) {
    if (context == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(context);
    }
  }
}
