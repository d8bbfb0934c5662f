package dev.updraft.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A built DAG definition with Airflow's settings. Create one with {@link #builder(String)}. It is a
 * plain description: nothing is checked until it is compiled, which reports every problem at once.
 *
 * @param dagId the DAG's id
 * @param schedule when runs are created
 * @param startDate the first data interval's start ({@code null} if unset)
 * @param endDate no run is scheduled after it ({@code null} if unset)
 * @param timezone the zone cron schedules are read in (UTC by default)
 * @param catchup whether missed intervals since the start date are run (false, as in Airflow 3)
 * @param tags labels for finding the DAG
 * @param description a one-line description
 * @param docMd longer documentation in Markdown
 * @param params parameters with defaults, overridable by a run's conf
 * @param maxActiveRuns how many runs may be active at once (16)
 * @param maxActiveTasks how many of its tasks may run at once across its runs (16)
 * @param dagrunTimeout a run still going after this long is failed ({@code null}: never)
 * @param defaultArgs task settings every task starts from
 * @param tasks the tasks, in the order they were added
 */
public record Dag(
    String dagId,
    Schedule schedule,
    Instant startDate,
    Instant endDate,
    ZoneId timezone,
    boolean catchup,
    List<String> tags,
    String description,
    String docMd,
    Map<String, Param> params,
    int maxActiveRuns,
    int maxActiveTasks,
    Duration dagrunTimeout,
    TaskArgs defaultArgs,
    List<TaskDefinition> tasks) {

  public Dag {
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(timezone, "timezone");
    tags = List.copyOf(tags);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    Objects.requireNonNull(defaultArgs, "defaultArgs");
    tasks = List.copyOf(tasks);
  }

  /** Starts a DAG definition with this id. */
  public static DagBuilder builder(String dagId) {
    return new DagBuilder(dagId);
  }

  /** The first task with this id. */
  public Optional<TaskDefinition> task(String taskId) {
    return tasks.stream().filter(task -> task.taskId().equals(taskId)).findFirst();
  }

  /** The DAG's owner: its default args' owner, else Airflow's default. */
  public String owner() {
    return defaultArgs.resolve().owner();
  }
}
