package dev.updraft.sdk.internal.template;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds Airflow 3's template context for a task try: the variables and values ({@code ds}, {@code
 * ts}, {@code logical_date}, {@code ti}, {@code macros}, ...) that Airflow passes to Jinja,
 * formatted exactly as Airflow formats them, in UTC.
 */
public final class TemplateContexts {
  private static final String DEFAULT_OWNER = "airflow";
  private static final TemplateMacros MACROS = new TemplateMacros(Clock.systemUTC());

  private TemplateContexts() {}

  /**
   * The context for one try. Without a logical date the date-derived variables ({@code ds}, {@code
   * ts*}, {@code logical_date}, {@code data_interval_*}, {@code task_instance_key_str}) are absent,
   * as in Airflow 3, so templates using them fail.
   *
   * @return an unmodifiable map; copy it to add variables
   */
  public static Map<String, Object> forTry(TemplateInputs in) {
    String owner = Objects.requireNonNullElse(in.owner(), DEFAULT_OWNER);
    TemplateDateTime logicalDate = wrap(in.logicalDate());
    TemplateDateTime intervalStart = wrap(in.dataIntervalStart());
    TemplateDateTime intervalEnd = wrap(in.dataIntervalEnd());

    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("run_id", in.runId());
    ctx.put("dag", readOnly(entries("dag_id", in.dagId(), "owner", owner)));
    ctx.put(
        "task", readOnly(entries("task_id", in.taskId(), "dag_id", in.dagId(), "owner", owner)));
    Map<String, Object> ti = taskInstance(in);
    ctx.put("ti", ti);
    ctx.put("task_instance", ti);
    ctx.put("params", in.params());
    ctx.put("dag_run", dagRun(in, logicalDate, intervalStart, intervalEnd));
    ctx.put("macros", MACROS);
    if (logicalDate != null) {
      // Same derivations as Airflow's task runner, so the strings match byte for byte.
      String ds = logicalDate.strftime("%Y-%m-%d");
      String dsNodash = ds.replace("-", "");
      String ts = logicalDate.isoformat();
      ctx.put("logical_date", logicalDate);
      ctx.put("ds", ds);
      ctx.put("ds_nodash", dsNodash);
      ctx.put("ts", ts);
      ctx.put("ts_nodash", logicalDate.strftime("%Y%m%dT%H%M%S"));
      ctx.put("ts_nodash_with_tz", ts.replace("-", "").replace(":", ""));
      ctx.put("task_instance_key_str", in.dagId() + "__" + in.taskId() + "__" + dsNodash);
      putIfPresent(ctx, "data_interval_start", intervalStart);
      putIfPresent(ctx, "data_interval_end", intervalEnd);
    }
    return Collections.unmodifiableMap(ctx);
  }

  private static Map<String, Object> taskInstance(TemplateInputs in) {
    Map<String, Object> ti = new LinkedHashMap<>();
    ti.put("dag_id", in.dagId());
    ti.put("task_id", in.taskId());
    ti.put("run_id", in.runId());
    ti.put("try_number", in.tryNumber());
    ti.put("max_tries", in.maxTries());
    ti.put("map_index", -1); // unmapped task
    return readOnly(ti);
  }

  private static Map<String, Object> dagRun(
      TemplateInputs in,
      TemplateDateTime logicalDate,
      TemplateDateTime intervalStart,
      TemplateDateTime intervalEnd) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("run_id", in.runId());
    run.put("run_type", in.runType());
    run.put("conf", in.conf());
    run.put("logical_date", logicalDate);
    run.put("data_interval_start", intervalStart);
    run.put("data_interval_end", intervalEnd);
    return readOnly(run);
  }

  private static TemplateDateTime wrap(Instant instant) {
    return instant == null ? null : TemplateDateTime.of(instant);
  }

  private static void putIfPresent(Map<String, Object> ctx, String key, Object value) {
    if (value != null) {
      ctx.put(key, value);
    }
  }

  private static Map<String, Object> entries(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> readOnly(Map<String, Object> map) {
    return Collections.unmodifiableMap(map);
  }
}
