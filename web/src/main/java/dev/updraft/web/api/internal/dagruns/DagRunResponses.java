package dev.updraft.web.api.internal.dagruns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunView;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.dags.DagResponses;
import dev.updraft.web.server.internal.JsonResponses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Airflow's {@code DAGRunResponse}. */
public final class DagRunResponses {
  private DagRunResponses() {}

  public static Map<String, Object> of(DagRunView view) {
    DagRunRecord run = view.run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dag_run_id", run.runId());
    body.put("dag_id", run.dagId());
    body.put("logical_date", ApiTimes.format(run.logicalDate()));
    body.put("queued_at", ApiTimes.format(run.queuedAt()));
    body.put("start_date", ApiTimes.format(run.startDate()));
    body.put("end_date", ApiTimes.format(run.endDate()));
    body.put("duration", duration(run));
    body.put("data_interval_start", ApiTimes.format(run.dataIntervalStart()));
    body.put("data_interval_end", ApiTimes.format(run.dataIntervalEnd()));
    body.put("run_after", ApiTimes.format(run.runAfter()));
    body.put("last_scheduling_decision", ApiTimes.format(run.lastSchedulingDecision()));
    body.put("run_type", run.runType().value());
    body.put("state", run.state().value());
    body.put("triggered_by", run.triggeredBy());
    body.put("triggering_user_name", view.triggeringUserName());
    body.put("conf", conf(run.conf()));
    body.put("note", run.note());
    // The version current when the run was created; Updraft does not yet record the version each
    // try ran, so a run spanning a re-parse still lists one.
    body.put(
        "dag_versions",
        view.createdDagVersion() == null
            ? List.of()
            : List.of(DagResponses.version(view.createdDagVersion())));
    // Bundles have no versions in Updraft (one dags folder).
    body.put("bundle_version", null);
    // Airflow's display name defaults to the DAG id; Updraft DAGs have no other.
    body.put("dag_display_name", run.dagId());
    body.put("partition_key", null);
    return body;
  }

  /** Seconds from start to end, as Airflow's {@code DagRun.duration}; null until both exist. */
  private static Double duration(DagRunRecord run) {
    if (run.startDate() == null || run.endDate() == null) {
      return null;
    }
    return Duration.between(run.startDate(), run.endDate()).toNanos() / 1e9;
  }

  /** The stored conf as an object; a run without one shows {@code {}}, as Airflow stores it. */
  private static Object conf(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      JsonNode node = JsonResponses.mapper().readTree(json);
      return node.isObject() ? node : Map.of();
    } catch (Exception e) {
      return Map.of();
    }
  }

  /** Airflow's 404 for a run that does not exist. */
  public static ApiException notFound(String dagId, String runId) {
    return new ApiException(
        404, "The DagRun with dag_id: `" + dagId + "` and run_id: `" + runId + "` was not found");
  }
}
