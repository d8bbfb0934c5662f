package dev.updraft.scheduler.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scheduling loop behaves. The defaults are Airflow's.
 *
 * @param parallelism how many task instances may be queued or running at once (Airflow's {@code
 *     core.parallelism}, 32)
 * @param pollInterval how long the loop sleeps after a pass that changed nothing, unless woken
 * @param taskHeartbeatTimeout a running try with no heartbeat for this long is failed or retried
 *     (Airflow's {@code scheduler.task_instance_heartbeat_timeout}, 300 s)
 * @param heartbeatCheckInterval how often the loop looks for such tries (Airflow's {@code
 *     scheduler.task_instance_heartbeat_timeout_detection_interval}, 10 s)
 * @param schedulerHeartbeat how often the scheduler's job records that it is alive (Airflow's
 *     {@code scheduler.scheduler_heartbeat_sec}, 5 s)
 * @param schedulerHealthThreshold a scheduler job silent for this long counts as dead, and the
 *     tries it left queued are reset (Airflow's {@code scheduler.scheduler_health_check_threshold},
 *     30 s)
 * @param orphanCheckInterval how often the loop resets tries that dead schedulers left queued,
 *     after doing so once at start (Airflow's {@code scheduler.orphaned_tasks_check_interval} is
 *     300 s; ours is half the health threshold, 15 s, so a restart is never followed by minutes of
 *     tries stuck in queued: the check is one update and one indexed query)
 */
public record LoopSettings(
    int parallelism,
    Duration pollInterval,
    Duration taskHeartbeatTimeout,
    Duration heartbeatCheckInterval,
    Duration schedulerHeartbeat,
    Duration schedulerHealthThreshold,
    Duration orphanCheckInterval) {

  public LoopSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(taskHeartbeatTimeout, "taskHeartbeatTimeout");
    Objects.requireNonNull(heartbeatCheckInterval, "heartbeatCheckInterval");
    Objects.requireNonNull(schedulerHeartbeat, "schedulerHeartbeat");
    Objects.requireNonNull(schedulerHealthThreshold, "schedulerHealthThreshold");
    Objects.requireNonNull(orphanCheckInterval, "orphanCheckInterval");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /** {@code parallelism} and {@code pollInterval}, Airflow's defaults for the rest. */
  public LoopSettings(int parallelism, Duration pollInterval) {
    this(
        parallelism,
        pollInterval,
        Duration.ofSeconds(300),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(15));
  }

  /** Airflow's default parallelism (32), polling every 50 ms. */
  public static LoopSettings defaults() {
    return new LoopSettings(32, Duration.ofMillis(50));
  }

  /** These settings with other heartbeat timeouts (tests and small deployments shorten them). */
  public LoopSettings withHeartbeats(
      Duration taskHeartbeatTimeout,
      Duration heartbeatCheckInterval,
      Duration schedulerHeartbeat,
      Duration schedulerHealthThreshold) {
    return new LoopSettings(
        parallelism,
        pollInterval,
        taskHeartbeatTimeout,
        heartbeatCheckInterval,
        schedulerHeartbeat,
        schedulerHealthThreshold,
        schedulerHealthThreshold.dividedBy(2));
  }
}
