package dev.updraft.scheduler.logs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Log file locations for task tries, following Airflow 3's default {@code log_filename_template}:
 * {@code
 * dag_id={dag_id}/run_id={run_id}/task_id={task_id}/[map_index={map_index}/]attempt={try_number}.log}.
 *
 * <p>Like Airflow, components are not escaped (run ids keep their {@code :} and {@code +}), so the
 * files line up with what Airflow tooling expects; components that could escape the logs root
 * ({@code ..}, {@code /}, {@code \}) are rejected instead.
 *
 * @param logsRoot the base logs folder
 */
public record TryLogPaths(Path logsRoot) {

  /** The template this class implements, in Airflow's Jinja syntax. */
  public static final String AIRFLOW_TEMPLATE =
      "dag_id={{ ti.dag_id }}/run_id={{ ti.run_id }}/task_id={{ ti.task_id }}/"
          + "{% if ti.map_index >= 0 %}map_index={{ ti.map_index }}/{% endif %}"
          + "attempt={{ try_number|default(ti.try_number) }}.log";

  public TryLogPaths {
    Objects.requireNonNull(logsRoot, "logsRoot");
  }

  /**
   * The log file of one try under {@link #logsRoot()}.
   *
   * @param mapIndex the map index, or a negative value (Airflow uses -1) for unmapped tasks
   * @param tryNumber the attempt, starting at 1
   * @throws IllegalArgumentException if a component is blank or could traverse out of the root
   */
  public Path logFile(String dagId, String runId, String taskId, int mapIndex, int tryNumber) {
    Path root = logsRoot.toAbsolutePath().normalize();
    Path file = root.resolve(relativePath(dagId, runId, taskId, mapIndex, tryNumber)).normalize();
    // Belt and braces: component checks should already guarantee this.
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("log path escapes the logs root: " + file);
    }
    return file;
  }

  /** The template rendered for one try, relative to the logs root, with {@code /} separators. */
  public static String relativePath(
      String dagId, String runId, String taskId, int mapIndex, int tryNumber) {
    if (tryNumber < 1) {
      throw new IllegalArgumentException("try_number must be >= 1, got " + tryNumber);
    }
    StringBuilder path =
        new StringBuilder()
            .append("dag_id=")
            .append(checkComponent("dag_id", dagId))
            .append("/run_id=")
            .append(checkComponent("run_id", runId))
            .append("/task_id=")
            .append(checkComponent("task_id", taskId))
            .append('/');
    if (mapIndex >= 0) {
      path.append("map_index=").append(mapIndex).append('/');
    }
    return path.append("attempt=").append(tryNumber).append(".log").toString();
  }

  private static String checkComponent(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.contains("..")
        || value.indexOf('/') >= 0
        || value.indexOf('\\') >= 0
        || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          name
              + " must not contain '..', '/', '\\' or NUL (path traversal in log path): '"
              + value
              + "'");
    }
    return value;
  }
}
