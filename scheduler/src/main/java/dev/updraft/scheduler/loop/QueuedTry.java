package dev.updraft.scheduler.loop;

import java.util.UUID;

/**
 * A try the scheduler has queued for an executor to run.
 *
 * @param taskInstanceId the task instance, in state {@code queued}
 * @param dagId its DAG
 * @param runId its DAG run
 * @param taskId its task
 * @param tryNumber the try to run
 */
public record QueuedTry(
    UUID taskInstanceId, String dagId, String runId, String taskId, int tryNumber) {}
