package dev.updraft.metadata.state;

/**
 * A row of {@code task_instance_history}: one finished try of a task instance.
 *
 * @param historyId the history row's own id
 * @param attempt the task instance as that try ended (its {@code id} is the task instance's)
 */
public record TaskInstanceHistoryRecord(long historyId, TaskInstanceRecord attempt) {}
