package dev.updraft.sdk.testing;

import dev.updraft.sdk.TaskState;
import java.util.List;

/**
 * A task instance at the end of a run.
 *
 * @param taskId the task
 * @param state its final state
 * @param tries the tries it made, oldest first (none if it never ran)
 */
public record TaskInstanceResult(String taskId, TaskState state, List<TaskTry> tries) {

  /** How many tries were made. */
  public int tryCount() {
    return tries.size();
  }

  /** Every line the task logged, across tries. */
  public List<String> log() {
    return tries.stream().flatMap(t -> t.log().stream()).toList();
  }
}
