package dev.updraft.sdk.task;

import dev.updraft.sdk.TaskContext;
import java.io.Serializable;
import java.util.Collection;

/** A branch's decision: the ids of the direct downstream tasks to follow. */
@FunctionalInterface
public interface BranchFunction extends Serializable {
  /** The task ids to follow; every other direct downstream task is skipped. */
  Collection<String> choose(TaskContext context) throws Exception;
}
