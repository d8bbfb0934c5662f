package dev.updraft.metadata.state;

/**
 * A row of {@code slot_pool}: a named limit on how many task instance slots run at once.
 *
 * @param id the row id
 * @param pool the pool's name
 * @param slots how many slots it has ({@code -1}: unlimited, as in Airflow)
 * @param description what it is for, or {@code null}
 * @param includeDeferred whether deferred task instances take slots
 */
public record PoolRecord(
    long id, String pool, int slots, String description, boolean includeDeferred) {}
