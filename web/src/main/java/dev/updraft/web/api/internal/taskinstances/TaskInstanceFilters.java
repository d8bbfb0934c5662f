package dev.updraft.web.api.internal.taskinstances;

import dev.updraft.metadata.state.TaskInstanceQuery;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The filters of {@code GET …/taskInstances}, read from the query as Airflow's parameters. */
final class TaskInstanceFilters {
  /** Airflow's {@code TaskInstanceState}, in its order (the order its 422 message lists them). */
  static final List<String> STATES =
      List.of(
          "removed",
          "scheduled",
          "queued",
          "running",
          "success",
          "restarting",
          "failed",
          "up_for_retry",
          "up_for_reschedule",
          "upstream_failed",
          "skipped",
          "deferred");

  /** Airflow's sort attributes for task instances, mapped to the listing's columns. */
  static final Map<String, String> ORDER_BY =
      Map.ofEntries(
          Map.entry("id", "id"),
          Map.entry("state", "state"),
          Map.entry("duration", "duration"),
          Map.entry("start_date", "start_date"),
          Map.entry("end_date", "end_date"),
          Map.entry("map_index", "map_index"),
          Map.entry("try_number", "try_number"),
          Map.entry("logical_date", "logical_date"),
          Map.entry("run_after", "run_after"),
          Map.entry("data_interval_start", "data_interval_start"),
          Map.entry("data_interval_end", "data_interval_end"),
          // Updraft renders no map index names: the map index itself orders the same way.
          Map.entry("rendered_map_index", "map_index"),
          Map.entry("operator", "operator"));

  private static final List<String> DATE_RANGES =
      List.of("run_after", "logical_date", "start_date", "end_date", "updated_at");
  private static final Map<String, String> SUFFIXES =
      Map.of("_gte", ">=", "_gt", ">", "_lte", "<=", "_lt", "<");

  private TaskInstanceFilters() {}

  /**
   * The query for {@code ctx}, with the path's DAG and run ({@code null} for {@code ~}).
   *
   * @throws ApiException 422 for malformed values (Airflow's string detail for a bad state)
   */
  static TaskInstanceQuery read(Context ctx, String dagId, String runId) {
    ValidationErrors errors = new ValidationErrors();
    Map<String, List<String>> anyOf = new LinkedHashMap<>();
    if (dagId != null) {
      anyOf.put("dag_id", List.of(dagId));
    }
    if (runId != null) {
      anyOf.put("run_id", List.of(runId));
    }
    String taskId = ctx.queryParam("task_id");
    if (taskId != null) {
      anyOf.put("task_id", List.of(taskId));
    }
    for (String name : List.of("pool", "queue", "executor", "operator")) {
      anyOf.put(name, ctx.queryParams(name));
    }
    List<TaskInstanceQuery.Bound> bounds = new ArrayList<>();
    for (String field : DATE_RANGES) {
      SUFFIXES.forEach(
          (suffix, op) -> {
            var at = QueryParams.instant(ctx, field + suffix, errors);
            if (at != null) {
              bounds.add(new TaskInstanceQuery.Bound(field, op, at));
            }
          });
    }
    SUFFIXES.forEach(
        (suffix, op) -> {
          // An empty duration filter counts as absent here (as empty date filters do).
          String name = "duration" + suffix;
          String raw = ctx.queryParam(name);
          Double value =
              raw == null || raw.isEmpty() ? null : QueryParams.number(ctx, name, errors);
          if (value != null) {
            bounds.add(new TaskInstanceQuery.Bound("duration", op, value));
          }
        });
    Map<String, List<Integer>> numbers = new LinkedHashMap<>();
    numbers.put("try_number", integers(ctx, "try_number", errors));
    numbers.put("map_index", integers(ctx, "map_index", errors));
    Paging paging = Paging.from(ctx, ORDER_BY, "map_index", errors);
    errors.throwIfAny();
    List<String> states = new ArrayList<>();
    boolean noState = false;
    for (String state : ctx.queryParams("state")) {
      if (state.equals("none") || state.equals("no_status")) {
        noState = true;
      } else if (STATES.contains(state)) {
        states.add(state);
      } else {
        throw new ApiException(
            422, "Invalid value for state. Valid values are " + String.join(", ", STATES));
      }
    }
    return new TaskInstanceQuery(
        anyOf,
        states,
        noState,
        numbers,
        patterns(ctx),
        bounds,
        paging.orderBy().stream()
            .map(s -> new TaskInstanceQuery.Order(s.column(), s.descending()))
            .toList(),
        paging.limit(),
        paging.offset());
  }

  /** The {@code *_pattern} filters; display names are Updraft's ids. */
  private static Map<String, List<String>> patterns(Context ctx) {
    Map<String, List<String>> patterns = new LinkedHashMap<>();
    patterns.put("task_id", QueryParams.likePatterns(ctx.queryParam("task_display_name_pattern")));
    patterns.put("dag_id", QueryParams.likePatterns(ctx.queryParam("dag_id_pattern")));
    patterns.put("run_id", QueryParams.likePatterns(ctx.queryParam("run_id_pattern")));
    patterns.put("pool", QueryParams.likePatterns(ctx.queryParam("pool_name_pattern")));
    patterns.put("queue", QueryParams.likePatterns(ctx.queryParam("queue_name_pattern")));
    patterns.put("operator", QueryParams.likePatterns(ctx.queryParam("operator_name_pattern")));
    return patterns;
  }

  private static List<Integer> integers(Context ctx, String name, ValidationErrors errors) {
    List<String> raw = ctx.queryParams(name);
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        values.add(Integer.parseInt(raw.get(i).strip()));
      } catch (NumberFormatException e) {
        errors.add(
            "int_parsing",
            List.of("query", name, i),
            "Input should be a valid integer, unable to parse string as an integer",
            raw.get(i));
      }
    }
    return values;
  }
}
