package dev.updraft.web.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the Task Execution API, named as in Airflow's datamodels. */
public final class ExecutionBodies {
  private ExecutionBodies() {}

  /** {@code TIEnterRunningPayload}: a try starting on {@code hostname} as process {@code pid}. */
  public record TiEnterRunning(
      String state, String hostname, String unixname, Integer pid, OffsetDateTime startDate) {
    static final String[] REQUIRED = {"state", "hostname", "unixname", "pid", "start_date"};
  }

  /** A try ending: {@code TITerminalStatePayload} or {@code TIRetryStatePayload}. */
  public record TiStateUpdate(String state, OffsetDateTime endDate) {
    static final String[] REQUIRED = {"state", "end_date"};
  }

  /**
   * {@code TISkippedDownstreamTasksStatePayload}: tasks to skip, each a task id or a {@code
   * [task_id, map_index]} pair (map indexes are ignored: the whole task is skipped).
   */
  public record TiSkippedDownstream(List<JsonNode> tasks) {
    static final String[] REQUIRED = {"tasks"};

    /** The task ids named. */
    public List<String> taskIds() {
      return tasks.stream().map(t -> t.isArray() ? t.get(0).asText() : t.asText()).toList();
    }
  }

  /** {@code TIHeartbeatInfo}: the process that claims to run the try. */
  public record TiHeartbeat(String hostname, Integer pid) {
    static final String[] REQUIRED = {"hostname", "pid"};
  }

  /** {@code DagRun} as the task runner sees it. */
  public record DagRunInfo(
      String dagId,
      String runId,
      Instant logicalDate,
      Instant dataIntervalStart,
      Instant dataIntervalEnd,
      Instant runAfter,
      Instant startDate,
      Instant endDate,
      int clearNumber,
      String runType,
      String state,
      JsonNode conf) {}

  /** {@code TIRunContext}: what a try needs to run, answered when it starts. */
  public record TiRunContext(
      DagRunInfo dagRun,
      int taskRescheduleCount,
      int maxTries,
      boolean shouldRetry,
      List<Object> variables,
      List<Object> connections,
      List<String> xcomKeysToClear) {}

  /** {@code XComResponse}. */
  public record XComResponse(String key, JsonNode value) {}

  /** {@code VariableResponse}. */
  public record VariableResponse(String key, String value) {}

  /** {@code ConnectionResponse}. */
  public record ConnectionResponse(
      String connId,
      String connType,
      String host,
      String schema,
      String login,
      String password,
      Integer port,
      String extra) {

    static ConnectionResponse of(dev.updraft.sdk.Connection c) {
      return new ConnectionResponse(
          c.connId(),
          c.connType(),
          c.host(),
          c.schema(),
          c.login(),
          c.password(),
          c.port(),
          c.extra());
    }
  }

  /** Airflow's acknowledgement of a stored XCom. */
  public record Message(String message) {}
}
