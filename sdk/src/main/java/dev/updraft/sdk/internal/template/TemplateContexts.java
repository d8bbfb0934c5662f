package dev.updraft.sdk.internal.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.updraft.sdk.Connection;
import dev.updraft.sdk.internal.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

  /**
   * {@code context} with Airflow's {@code var} ({@code var.value.<key>}, {@code var.json.<key>})
   * and {@code conn} ({@code conn.<conn_id>.host}, ...), each looked up only when a template reads
   * it; a missing one fails the render naming it.
   *
   * @return an unmodifiable map
   */
  public static Map<String, Object> withSecrets(
      Map<String, Object> context,
      Function<String, Optional<String>> variables,
      Function<String, Optional<Connection>> connections) {
    Map<String, Object> ctx = new LinkedHashMap<>(context);
    String missingVariable = "Variable %s does not exist";
    ctx.put(
        "var",
        readOnly(
            entries(
                "value",
                new LookupMap(variables::apply, missingVariable),
                "json",
                new LookupMap(
                    key -> variables.apply(key).map(json -> parseJson(key, json)),
                    missingVariable))));
    ctx.put(
        "conn",
        new LookupMap(
            id -> connections.apply(id).map(TemplateContexts::connection),
            "The conn_id `%s` isn't defined"));
    return Collections.unmodifiableMap(ctx);
  }

  private static Object parseJson(String key, String json) {
    try {
      return Json.MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      // No cause: Jinjava reports the innermost exception's message, which must name the key.
      throw new IllegalArgumentException(
          "Variable " + key + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The attributes of Airflow's {@code Connection} that templates read. */
  private static Map<String, Object> connection(Connection c) {
    Map<String, Object> extraDejson = Map.of();
    if (c.extra() != null && !c.extra().isBlank()) {
      try {
        extraDejson = Json.MAPPER.readValue(c.extra(), new TypeReference<>() {});
      } catch (JsonProcessingException e) {
        // Airflow's extra_dejson is empty too when extra is not a JSON object.
      }
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("conn_id", c.connId());
    map.put("conn_type", c.connType());
    map.put("host", c.host());
    map.put("schema", c.schema());
    map.put("login", c.login());
    map.put("password", c.password());
    map.put("port", c.port());
    map.put("extra", c.extra());
    map.put("extra_dejson", extraDejson);
    return Collections.unmodifiableMap(map);
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
