package dev.updraft.web.api.internal.backfills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.scheduler.backfill.BackfillRequest;
import dev.updraft.scheduler.backfill.ReprocessBehavior;
import dev.updraft.sdk.internal.Json;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.api.internal.dagruns.BodyDates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Airflow's {@code BackfillPostBody}, with its defaults. */
record BackfillInput(
    String dagId,
    Instant fromDate,
    Instant toDate,
    boolean runBackwards,
    Object dagRunConf,
    ReprocessBehavior reprocessBehavior,
    int maxActiveRuns) {
  private static final Set<String> FIELDS =
      Set.of(
          "dag_id",
          "from_date",
          "to_date",
          "run_backwards",
          "dag_run_conf",
          "reprocess_behavior",
          "max_active_runs",
          "run_on_latest_version");

  private static final List<String> BEHAVIORS = List.of("failed", "completed", "none");

  static BackfillInput read(JsonBody body, ValidationErrors errors) {
    body.forbidExtras(FIELDS);
    String dagId = body.string("dag_id", true, false, null);
    Instant from = BodyDates.read(body, "from_date", true, false, List.of("body"), errors);
    Instant to = BodyDates.read(body, "to_date", true, false, List.of("body"), errors);
    Boolean backwards = body.bool("run_backwards", false, false);
    body.bool("run_on_latest_version", false, false);
    Integer maxActiveRuns = body.integer("max_active_runs", false, false, null);
    String behavior = body.string("reprocess_behavior", false, false, null);
    if (behavior != null && !BEHAVIORS.contains(behavior)) {
      errors.add(
          "enum",
          List.of("body", "reprocess_behavior"),
          "Input should be " + ValidationErrors.choices(BEHAVIORS),
          behavior,
          Map.of("expected", ValidationErrors.choices(BEHAVIORS)));
      behavior = null;
    }
    JsonNode conf = body.raw("dag_run_conf");
    Object confValue = Map.of();
    if (conf != null) {
      if (!conf.isObject()) {
        errors.add(
            "dict_type",
            List.of("body", "dag_run_conf"),
            "Input should be a valid dictionary",
            JsonBody.plain(conf));
      } else {
        confValue = JsonBody.plain(conf);
      }
    }
    return new BackfillInput(
        dagId,
        from,
        to,
        backwards != null && backwards,
        confValue,
        behavior == null ? ReprocessBehavior.NONE : ReprocessBehavior.fromValue(behavior),
        maxActiveRuns == null ? BackfillRequest.DEFAULT_MAX_ACTIVE_RUNS : maxActiveRuns);
  }

  BackfillRequest toRequest(String user) {
    return new BackfillRequest(
        dagId,
        fromDate,
        toDate,
        reprocessBehavior,
        maxActiveRuns,
        runBackwards,
        Json.write(dagRunConf),
        user);
  }
}
