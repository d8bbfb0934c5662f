package dev.updraft.scheduler.decide;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task instance in the {@code scheduled} state, waiting to be queued.
 *
 * @param id the task instance's id
 * @param dagId its DAG
 * @param runId its DAG run
 * @param taskId its task
 * @param priorityWeight its effective priority weight; higher is queued first
 * @param logicalDate its run's logical date; {@code null} for runs without one
 * @param mapIndex its map index, {@code -1} when not mapped
 * @param pool the pool it runs in
 * @param poolSlots how many slots of the pool it takes, at least 1
 */
public record Candidate(
    UUID id,
    String dagId,
    String runId,
    String taskId,
    int priorityWeight,
    Instant logicalDate,
    int mapIndex,
    String pool,
    int poolSlots) {

  public Candidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(pool, "pool");
    // Airflow rejects pool_slots < 1 when the task is defined.
    if (poolSlots < 1) {
      throw new IllegalArgumentException("poolSlots must be at least 1, got " + poolSlots);
    }
  }
}
