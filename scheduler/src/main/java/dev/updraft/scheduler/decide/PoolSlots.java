package dev.updraft.scheduler.decide;

/**
 * A pool's size and what of it is free now.
 *
 * @param total the pool's slots in all
 * @param open slots not taken by running or queued task instances (may be negative when the pool
 *     was shrunk below its use)
 */
public record PoolSlots(int total, int open) {}
