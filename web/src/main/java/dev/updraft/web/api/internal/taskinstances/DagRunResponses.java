package dev.updraft.web.api.internal.taskinstances;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.server.internal.JsonResponses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Airflow's {@code DAGRunResponse}, for the answer of a DAG run's clear. Updraft keeps no DAG
 * versions or bundles, so those are empty or {@code null}.
 */
final class DagRunResponses {
  private static final Set<String> TRIGGERED_BY =
      Set.of("cli", "operator", "rest_api", "ui", "test", "timetable", "asset", "backfill");

  private DagRunResponses() {}

  static Map<String, Object> of(DagRunRecord run) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dag_run_id", run.runId());
    body.put("dag_id", run.dagId());
    body.put("logical_date", ApiTimes.format(run.logicalDate()));
    body.put("queued_at", ApiTimes.format(run.queuedAt()));
    body.put("start_date", ApiTimes.format(run.startDate()));
    body.put("end_date", ApiTimes.format(run.endDate()));
    body.put(
        "duration",
        run.startDate() == null || run.endDate() == null
            ? null
            : Duration.between(run.startDate(), run.endDate()).toNanos() / 1e9);
    body.put("data_interval_start", ApiTimes.format(run.dataIntervalStart()));
    body.put("data_interval_end", ApiTimes.format(run.dataIntervalEnd()));
    body.put("run_after", ApiTimes.format(run.runAfter()));
    body.put("last_scheduling_decision", ApiTimes.format(run.lastSchedulingDecision()));
    body.put("run_type", run.runType().value());
    body.put("state", run.state().value());
    // Updraft may record triggers the spec's enum does not know.
    // A nullable $ref does not validate null: an unknown trigger is left out (it is optional).
    if (run.triggeredBy() != null && TRIGGERED_BY.contains(run.triggeredBy())) {
      body.put("triggered_by", run.triggeredBy());
    }
    body.put("triggering_user_name", null);
    body.put("conf", conf(run.conf()));
    body.put("note", run.note());
    body.put("dag_versions", List.of());
    body.put("bundle_version", null);
    body.put("dag_display_name", run.dagId());
    body.put("partition_key", null);
    return body;
  }

  private static Map<String, Object> conf(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JsonResponses.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      return Map.of();
    }
  }
}
