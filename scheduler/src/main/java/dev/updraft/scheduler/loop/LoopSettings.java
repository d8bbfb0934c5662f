package dev.updraft.scheduler.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scheduling loop behaves.
 *
 * @param parallelism how many task instances may be queued or running at once (Airflow's {@code
 *     core.parallelism})
 * @param pollInterval how long {@link SchedulingLoop#runUntilIdle} sleeps after a pass that changed
 *     nothing
 */
public record LoopSettings(int parallelism, Duration pollInterval) {

  public LoopSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /** Airflow's default parallelism (32), polling every 50 ms. */
  public static LoopSettings defaults() {
    return new LoopSettings(32, Duration.ofMillis(50));
  }
}
