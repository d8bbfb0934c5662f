package dev.updraft.metadata.state;

/** The slots a pool's task instances take, by state (sums of {@code pool_slots}). */
public record PoolSlotStats(long running, long queued, long scheduled, long deferred) {
  public static final PoolSlotStats NONE = new PoolSlotStats(0, 0, 0, 0);
}
