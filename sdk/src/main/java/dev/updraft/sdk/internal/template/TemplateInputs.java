package dev.updraft.sdk.internal.template;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a task try knows that its templates may use; {@link TemplateContexts#forTry} turns it into
 * Airflow's template context.
 *
 * @param logicalDate null for a run without a logical date (allowed since Airflow 3): {@code ds},
 *     {@code ts} and the other date variables are then undefined
 * @param dataIntervalStart null when the run has no data interval
 * @param dataIntervalEnd null when the run has no data interval
 * @param params the DAG's resolved params; null means none
 * @param conf the run's {@code dag_run.conf}; null means none
 * @param owner the task's owner; null means Airflow's default, {@code airflow}
 */
public record TemplateInputs(
    String dagId,
    String taskId,
    String runId,
    String runType,
    Instant logicalDate,
    Instant dataIntervalStart,
    Instant dataIntervalEnd,
    int tryNumber,
    int maxTries,
    Map<String, Object> params,
    Map<String, Object> conf,
    String owner) {

  public TemplateInputs {
    Objects.requireNonNull(dagId, "dagId");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(runId, "runId");
    params = readOnlyCopy(params);
    conf = readOnlyCopy(conf);
  }

  // Templates must not change the caller's maps; values may be null (Python None).
  private static Map<String, Object> readOnlyCopy(Map<String, Object> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
