package dev.updraft.cli.internal.daemon;

import java.time.Duration;
import java.util.Map;

/**
 * How a scheduler daemon runs, from the environment (Airflow reads the same settings from {@code
 * AIRFLOW__SECTION__KEY}).
 *
 * @param apiHost where the API server listens ({@code UPDRAFT_API_HOST}, default {@code 0.0.0.0})
 * @param apiPort its port ({@code UPDRAFT_API_PORT}, default 8080 as Airflow's api-server; 0 picks
 *     a free one)
 * @param parallelism tries queued or running at once ({@code UPDRAFT_PARALLELISM}, default 32)
 * @param executor which executor runs tries ({@code UPDRAFT_EXECUTOR}: {@code LocalExecutor}, a
 *     child JVM per try, the default; or {@code InProcessExecutor}, threads of the scheduler)
 * @param dagRefreshInterval how often the dags folder is re-scanned ({@code
 *     UPDRAFT_DAG_REFRESH_INTERVAL_SECONDS}, default 30, 5 in standalone)
 * @param pausedAtCreation whether new DAGs start paused ({@code
 *     UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION}; Airflow's default true, false in standalone unless set)
 * @param taskHeartbeatTimeout a try silent this long is failed or retried ({@code
 *     UPDRAFT_TASK_HEARTBEAT_TIMEOUT_SECONDS}, default 300)
 * @param schedulerHealthThreshold a scheduler silent this long is dead ({@code
 *     UPDRAFT_SCHEDULER_HEALTH_CHECK_THRESHOLD_SECONDS}, default 30)
 * @param localRunners warm runner JVMs of the LocalExecutor ({@code UPDRAFT_LOCAL_RUNNERS}, default
 *     4)
 * @param exposeConfig whether {@code GET /api/v2/config} shows the configuration ({@code
 *     UPDRAFT_API_EXPOSE_CONFIG}, default false; Airflow's {@code [api] expose_config})
 */
public record DaemonOptions(
    String apiHost,
    int apiPort,
    int parallelism,
    String executor,
    Duration dagRefreshInterval,
    boolean pausedAtCreation,
    Duration taskHeartbeatTimeout,
    Duration schedulerHealthThreshold,
    int localRunners,
    boolean exposeConfig) {

  /** The executor that runs each try in a child JVM. */
  public static final String LOCAL = "LocalExecutor";

  /** The executor that runs tries on threads of the scheduler process. */
  public static final String IN_PROCESS = "InProcessExecutor";

  /**
   * Options for {@code updraft scheduler} or, with {@code standalone}, for a standalone process.
   */
  public static DaemonOptions fromEnvironment(Map<String, String> env, boolean standalone) {
    String executor = env.getOrDefault("UPDRAFT_EXECUTOR", LOCAL).trim();
    if (!executor.equals(LOCAL) && !executor.equals(IN_PROCESS)) {
      throw new IllegalArgumentException(
          "UPDRAFT_EXECUTOR must be " + LOCAL + " or " + IN_PROCESS + ", got '" + executor + "'");
    }
    String paused = env.get("UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION");
    return new DaemonOptions(
        env.getOrDefault("UPDRAFT_API_HOST", "0.0.0.0"),
        integer(env, "UPDRAFT_API_PORT", 8080),
        integer(env, "UPDRAFT_PARALLELISM", 32),
        executor,
        Duration.ofSeconds(
            integer(env, "UPDRAFT_DAG_REFRESH_INTERVAL_SECONDS", standalone ? 5 : 30)),
        paused == null ? !standalone : !"false".equalsIgnoreCase(paused.trim()),
        Duration.ofSeconds(integer(env, "UPDRAFT_TASK_HEARTBEAT_TIMEOUT_SECONDS", 300)),
        Duration.ofSeconds(integer(env, "UPDRAFT_SCHEDULER_HEALTH_CHECK_THRESHOLD_SECONDS", 30)),
        integer(env, "UPDRAFT_LOCAL_RUNNERS", 4),
        "true".equalsIgnoreCase(env.getOrDefault("UPDRAFT_API_EXPOSE_CONFIG", "false").trim()));
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }
}
