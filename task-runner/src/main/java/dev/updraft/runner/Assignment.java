package dev.updraft.runner;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One try for a runner to run: all a runner receives, one JSON line on its stdin. No database
 * credentials: everything else goes through the execution API with {@code token}.
 *
 * @param taskInstanceId the task instance, queued
 * @param dagId its DAG
 * @param runId its DAG run
 * @param taskId its task
 * @param tryNumber the try
 * @param token the try's bearer token for the execution API
 * @param apiUrl the execution API, e.g. {@code http://127.0.0.1:8080/execution}
 * @param dagSource the jar or class folder defining the DAG
 * @param logFile where the try's output goes
 * @param heartbeatMillis how often the runner heartbeats while the try runs
 */
public record Assignment(
    UUID taskInstanceId,
    String dagId,
    String runId,
    String taskId,
    int tryNumber,
    String token,
    String apiUrl,
    Path dagSource,
    Path logFile,
    long heartbeatMillis) {

  /** Airflow's default is 5 s. */
  public static final long DEFAULT_HEARTBEAT_MILLIS = 5000;

  /** A description without the token, for logs. */
  @Override
  public String toString() {
    return dagId + "." + taskId + " " + runId + " try " + tryNumber + " (" + taskInstanceId + ")";
  }
}
