package dev.updraft.sdk.task;

import dev.updraft.sdk.TaskContext;
import java.io.Serializable;

/** A short-circuit's condition. */
@FunctionalInterface
public interface ShortCircuitFunction extends Serializable {
  /** Whether downstream tasks run; {@code false} skips them. */
  boolean test(TaskContext context) throws Exception;
}
