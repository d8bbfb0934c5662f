package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.TaskInstanceRecord;

/**
 * An executor in this process that takes each queued try with its row as the scheduler wrote it, so
 * it can start the try with one compare-and-set instead of reading the row again.
 */
interface QueuedRecords {
  /** As {@link TaskExecutor#submit}, with {@code queued}: the row in state queued, as written. */
  void submit(QueuedTry queuedTry, TaskInstanceRecord queued);
}
