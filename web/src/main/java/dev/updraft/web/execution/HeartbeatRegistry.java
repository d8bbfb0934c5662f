package dev.updraft.web.execution;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each running task instance last heartbeated. Kept in memory because {@code task_instance}
 * has no {@code last_heartbeat_at} column yet; a restart of this process forgets them.
 */
public final class HeartbeatRegistry {
  private final Map<UUID, Instant> lastBeats = new ConcurrentHashMap<>();

  /** Records that {@code taskInstanceId} was alive at {@code at}. */
  public void beat(UUID taskInstanceId, Instant at) {
    lastBeats.put(taskInstanceId, at);
  }

  /** When {@code taskInstanceId} last heartbeated, if it has since this process started. */
  public Optional<Instant> lastBeat(UUID taskInstanceId) {
    return Optional.ofNullable(lastBeats.get(taskInstanceId));
  }

  /** Forgets {@code taskInstanceId}, once its try has ended. */
  public void forget(UUID taskInstanceId) {
    lastBeats.remove(taskInstanceId);
  }
}
