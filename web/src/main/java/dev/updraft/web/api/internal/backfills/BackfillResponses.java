package dev.updraft.web.api.internal.backfills;

import dev.updraft.metadata.state.BackfillRecord;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.server.internal.JsonResponses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Airflow's {@code BackfillResponse}. */
final class BackfillResponses {
  private BackfillResponses() {}

  static Map<String, Object> of(BackfillRecord backfill) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", backfill.id());
    body.put("dag_id", backfill.dagId());
    body.put("from_date", ApiTimes.format(backfill.fromDate()));
    body.put("to_date", ApiTimes.format(backfill.toDate()));
    body.put("dag_run_conf", conf(backfill.dagRunConf()));
    body.put("is_paused", backfill.isPaused());
    body.put("reprocess_behavior", backfill.reprocessBehavior());
    body.put("max_active_runs", backfill.maxActiveRuns());
    body.put("created_at", ApiTimes.format(backfill.createdAt()));
    body.put("completed_at", ApiTimes.format(backfill.completedAt()));
    body.put("updated_at", ApiTimes.format(backfill.updatedAt()));
    // Airflow's display name defaults to the DAG id; Updraft DAGs have no other.
    body.put("dag_display_name", backfill.dagId());
    return body;
  }

  private static Object conf(String json) {
    try {
      return json == null ? null : JsonResponses.mapper().readTree(json);
    } catch (Exception e) {
      return null;
    }
  }
}
