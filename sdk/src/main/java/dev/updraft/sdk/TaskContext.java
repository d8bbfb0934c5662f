package dev.updraft.sdk;

import dev.updraft.sdk.internal.run.CurrentTaskContext;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a running task knows about its try: the identifiers, the run's dates, params and conf, and
 * access to XComs, templates and the try's log. A Java task reaches it through {@link #current()}
 * (Airflow's {@code get_current_context()}).
 */
public interface TaskContext {

  /** The context of the task try running on this thread. */
  static TaskContext current() {
    TaskContext context = CurrentTaskContext.get();
    if (context == null) {
      throw new IllegalStateException(
          "TaskContext.current() was called outside a running task; it is only available while a"
              + " task's code runs");
    }
    return context;
  }

  String dagId();

  String taskId();

  String runId();

  /** The try being made: 1 for the first, 2 for the first retry, and so on. */
  int tryNumber();

  /** How many tries the task instance may make in all (retries + 1). */
  int maxTries();

  /** The run's logical date ({@code {{ logical_date }}}). */
  Instant logicalDate();

  Instant dataIntervalStart();

  Instant dataIntervalEnd();

  /** The DAG's params, overridden by the run's conf where it sets them. */
  Map<String, Object> params();

  /** The conf the run was triggered with ({@code {{ dag_run.conf }}}). */
  Map<String, Object> conf();

  /** Pulls an XCom pushed in this run, deserialized to {@code type}. */
  <T> Optional<T> xcomPull(String taskId, String key, Class<T> type);

  /** Pulls {@code taskId}'s return value, deserialized to {@code type}. */
  default <T> Optional<T> xcomPull(String taskId, Class<T> type) {
    return xcomPull(taskId, XComArg.RETURN_VALUE, type);
  }

  /** Pushes an XCom under {@code key}; the value must be JSON-serializable. */
  void xcomPush(String key, Object value);

  /**
   * The Airflow Variable {@code key} as stored ({@code Variable.get(key)}), if it exists. Variables
   * set in the environment as {@code UPDRAFT_VAR_<KEY>} or {@code AIRFLOW_VAR_<KEY>} come first.
   */
  Optional<String> variable(String key);

  /**
   * The Airflow Variable {@code key} read as JSON into {@code type} ({@code Variable.get(key,
   * deserialize_json=True)}), if it exists.
   *
   * @throws IllegalArgumentException naming the key when its value is not JSON of that type
   */
  <T> Optional<T> variable(String key, Class<T> type);

  /** The Airflow Connection {@code connId} ({@code BaseHook.get_connection}), if it exists. */
  Optional<Connection> connection(String connId);

  /** Renders a Jinja template with this try's context ({@code ds}, {@code params}, …). */
  String render(String template);

  /** The try's log; what is printed here goes to the task's log. */
  PrintStream log();
}
