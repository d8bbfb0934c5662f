package dev.updraft.metadata.state;

import dev.updraft.metadata.state.internal.Uuids;
import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of {@code task_instance}: one task (and map index) of a DAG run, in its current try. Also
 * used for a try kept in {@code task_instance_history}.
 *
 * <p>{@code state} is {@code null} for Airflow's "none" (created, not yet scheduled). {@code
 * version} counts the row's writes; transitions compare-and-set on it.
 */
public record TaskInstanceRecord(
    UUID id,
    String dagId,
    String runId,
    String taskId,
    int mapIndex,
    int tryNumber,
    int maxTries,
    TaskState state,
    Instant startDate,
    Instant endDate,
    Double duration,
    String hostname,
    Integer pid,
    String pool,
    int poolSlots,
    String queue,
    Integer priorityWeight,
    String operator,
    String executor,
    Instant queuedDttm,
    Instant scheduledDttm,
    String renderedFields,
    String note,
    String externalExecutorId,
    Instant updatedAt,
    int version) {

  /** Airflow's map index of a task that is not mapped. */
  public static final int NOT_MAPPED = -1;

  public TaskInstanceRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(pool, "pool");
  }

  /**
   * A task instance to create for a run: a fresh time-ordered id, not mapped, no state yet, try 0,
   * no retries, one slot of {@code default_pool}, queue {@code default}, priority weight 1.
   */
  public static TaskInstanceRecord newInstance(String dagId, String runId, String taskId) {
    return new TaskInstanceRecord(
        Uuids.v7(),
        dagId,
        runId,
        taskId,
        NOT_MAPPED,
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        PoolRepository.DEFAULT_POOL,
        1,
        "default",
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  /** This instance for map index {@code index}. */
  public TaskInstanceRecord withMapIndex(int index) {
    return new TaskInstanceRecord(
        id,
        dagId,
        runId,
        taskId,
        index,
        tryNumber,
        maxTries,
        state,
        startDate,
        endDate,
        duration,
        hostname,
        pid,
        pool,
        poolSlots,
        queue,
        priorityWeight,
        operator,
        executor,
        queuedDttm,
        scheduledDttm,
        renderedFields,
        note,
        externalExecutorId,
        updatedAt,
        version);
  }

  /** This instance in {@code newState} ({@code null} for none). */
  public TaskInstanceRecord withState(TaskState newState) {
    return new TaskInstanceRecord(
        id,
        dagId,
        runId,
        taskId,
        mapIndex,
        tryNumber,
        maxTries,
        newState,
        startDate,
        endDate,
        duration,
        hostname,
        pid,
        pool,
        poolSlots,
        queue,
        priorityWeight,
        operator,
        executor,
        queuedDttm,
        scheduledDttm,
        renderedFields,
        note,
        externalExecutorId,
        updatedAt,
        version);
  }

  /** This instance allowed {@code retries} retries (Airflow's {@code max_tries}). */
  public TaskInstanceRecord withMaxTries(int retries) {
    return new TaskInstanceRecord(
        id,
        dagId,
        runId,
        taskId,
        mapIndex,
        tryNumber,
        retries,
        state,
        startDate,
        endDate,
        duration,
        hostname,
        pid,
        pool,
        poolSlots,
        queue,
        priorityWeight,
        operator,
        executor,
        queuedDttm,
        scheduledDttm,
        renderedFields,
        note,
        externalExecutorId,
        updatedAt,
        version);
  }

  /** This instance taking {@code slots} slots of {@code poolName}. */
  public TaskInstanceRecord withPool(String poolName, int slots) {
    return new TaskInstanceRecord(
        id,
        dagId,
        runId,
        taskId,
        mapIndex,
        tryNumber,
        maxTries,
        state,
        startDate,
        endDate,
        duration,
        hostname,
        pid,
        poolName,
        slots,
        queue,
        priorityWeight,
        operator,
        executor,
        queuedDttm,
        scheduledDttm,
        renderedFields,
        note,
        externalExecutorId,
        updatedAt,
        version);
  }

  /** This instance on executor queue {@code queueName} with {@code weight} priority. */
  public TaskInstanceRecord withQueue(String queueName, int weight) {
    return new TaskInstanceRecord(
        id,
        dagId,
        runId,
        taskId,
        mapIndex,
        tryNumber,
        maxTries,
        state,
        startDate,
        endDate,
        duration,
        hostname,
        pid,
        pool,
        poolSlots,
        queueName,
        weight,
        operator,
        executor,
        queuedDttm,
        scheduledDttm,
        renderedFields,
        note,
        externalExecutorId,
        updatedAt,
        version);
  }

  /** This instance of operator (task class) {@code operatorName}, run by {@code executorName}. */
  public TaskInstanceRecord withOperator(String operatorName, String executorName) {
    return new TaskInstanceRecord(
        id,
        dagId,
        runId,
        taskId,
        mapIndex,
        tryNumber,
        maxTries,
        state,
        startDate,
        endDate,
        duration,
        hostname,
        pid,
        pool,
        poolSlots,
        queue,
        priorityWeight,
        operatorName,
        executorName,
        queuedDttm,
        scheduledDttm,
        renderedFields,
        note,
        externalExecutorId,
        updatedAt,
        version);
  }
}
