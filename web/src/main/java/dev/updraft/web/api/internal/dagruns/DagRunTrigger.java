package dev.updraft.web.api.internal.dagruns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.scheduler.timetable.DataInterval;
import dev.updraft.scheduler.timetable.Timetables;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RunIds;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.server.internal.JsonResponses;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Airflow's {@code TriggerDAGRunPostBody} and its {@code validate_context}: the run id, logical
 * date, data interval, run-after and conf of a manual run.
 */
record DagRunTrigger(
    String runId,
    Instant logicalDate,
    Instant dataIntervalStart,
    Instant dataIntervalEnd,
    Instant requestedRunAfter,
    Map<String, Object> conf,
    String note) {
  static final Set<String> FIELDS =
      Set.of(
          "dag_run_id",
          "data_interval_start",
          "data_interval_end",
          "logical_date",
          "run_after",
          "conf",
          "note",
          "partition_key");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** Reads the body; every problem is added to {@code errors}. */
  static DagRunTrigger read(JsonBody body, ValidationErrors errors, Instant now) {
    body.forbidExtras(FIELDS);
    List<Object> at = List.of("body");
    String runId = body.string("dag_run_id", false, true, null);
    // Airflow 3 wants the key, though null is allowed (a run without a logical date).
    Instant logicalDate = BodyDates.read(body, "logical_date", true, true, at, errors);
    Instant start = BodyDates.read(body, "data_interval_start", false, true, at, errors);
    Instant end = BodyDates.read(body, "data_interval_end", false, true, at, errors);
    Instant runAfter = BodyDates.read(body, "run_after", false, false, at, errors);
    String note = body.string("note", false, true, null);
    body.string("partition_key", false, true, null);
    Map<String, Object> conf = conf(body, errors);
    if (errors.isEmpty() && (start == null) != (end == null)) {
      String message =
          "Either both data_interval_start and data_interval_end must be provided or both must"
              + " be None";
      errors.add(
          "value_error", at, "Value error, " + message, body.plain(), Map.of("error", message));
    }
    Instant requested = runAfter != null ? runAfter : now;
    if (runId == null || runId.isEmpty()) {
      // Airflow's DagRun.generate_run_id: a random suffix when there is no logical date.
      String suffix = RunIds.isoformat(requested);
      runId =
          logicalDate != null
              ? DagRunType.MANUAL.value() + "__" + suffix
              : DagRunType.MANUAL.value() + "__" + suffix + "_" + randomString(8);
    }
    return new DagRunTrigger(runId, logicalDate, start, end, requested, conf, note);
  }

  private static Map<String, Object> conf(JsonBody body, ValidationErrors errors) {
    JsonNode value = body.raw("conf");
    if (value == null || value.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!value.isObject()) {
      errors.add(
          "dict_type",
          List.of("body", "conf"),
          "Input should be a valid dictionary",
          JsonBody.plain(value));
      return new LinkedHashMap<>();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JsonResponses.mapper().convertValue(value, LinkedHashMap.class);
    return map;
  }

  private static String randomString(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return text.toString();
  }

  /**
   * The run to create for {@code dag}: with a logical date, its data interval is the one given or
   * the timetable's manual interval (and the run is due at that interval's end); without one, it
   * has no data interval and is due when asked.
   */
  NewDagRun toRun(CompiledDag dag, String confJson, String triggeredBy) {
    Instant start = null;
    Instant end = null;
    Instant runAfter = requestedRunAfter;
    if (logicalDate != null) {
      if (dataIntervalStart != null && dataIntervalEnd != null) {
        start = dataIntervalStart;
        end = dataIntervalEnd;
      } else {
        DataInterval inferred = Timetables.of(dag.dag()).inferManualDataInterval(logicalDate);
        start = inferred.start();
        end = inferred.end();
        runAfter = end;
      }
    }
    return new NewDagRun(
        dag.dagId(),
        runId,
        DagRunType.MANUAL,
        DagRunState.QUEUED,
        logicalDate,
        start,
        end,
        runAfter,
        confJson,
        triggeredBy,
        note == null || note.isEmpty() ? null : note);
  }
}
