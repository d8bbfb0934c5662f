package dev.updraft.scheduler.decide;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link QueueSelector} chose.
 *
 * @param toQueue the task instances to queue now, in the order to queue them
 * @param notQueuedReasons why each other candidate was not queued, keyed by task instance id
 * @param starved the candidates among those not queued that never can be while the pool keeps its
 *     size: they need more slots than the pool has in all
 */
public record Selection(
    List<Candidate> toQueue, Map<UUID, String> notQueuedReasons, Set<UUID> starved) {

  public Selection {
    toQueue = List.copyOf(Objects.requireNonNull(toQueue, "toQueue"));
    notQueuedReasons = Map.copyOf(Objects.requireNonNull(notQueuedReasons, "notQueuedReasons"));
    starved = Set.copyOf(Objects.requireNonNull(starved, "starved"));
  }
}
