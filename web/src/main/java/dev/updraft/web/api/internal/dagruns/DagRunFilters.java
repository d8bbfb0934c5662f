package dev.updraft.web.api.internal.dagruns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunQuery;
import dev.updraft.metadata.state.DagRunQuery.Bound;
import dev.updraft.metadata.state.DagRunQuery.Comparison;
import dev.updraft.metadata.state.DagRunQuery.Field;
import dev.updraft.sdk.DagRunState;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters, sort and page of Airflow's two run lists: {@code GET …/dagRuns} (query parameters)
 * and {@code POST …/dagRuns/list} ({@code DAGRunsBatchBody}).
 */
final class DagRunFilters {
  /** Airflow's sort attributes of {@code GET …/dagRuns}; {@code dag_run_id} names run_id. */
  static final Map<String, String> ORDER_BY = orderBy(true);

  /** The batch list's: the same without {@code duration}. */
  static final Map<String, String> BATCH_ORDER_BY = orderBy(false);

  static final List<String> STATES =
      Arrays.stream(DagRunState.values()).map(DagRunState::value).toList();

  /** The spec's {@code DagRunType} values. */
  static final List<String> RUN_TYPES =
      List.of("backfill", "scheduled", "manual", "asset_triggered", "asset_materialization");

  // Ordered, so 422s list their errors in the same order every time.
  private static final Map<String, Field> TIME_FIELDS =
      ordered(
          "run_after", Field.RUN_AFTER,
          "logical_date", Field.LOGICAL_DATE,
          "start_date", Field.START_DATE,
          "end_date", Field.END_DATE,
          "updated_at", Field.UPDATED_AT);

  private static final Map<String, Comparison> SUFFIXES =
      ordered(
          "_gte",
          Comparison.GTE,
          "_gt",
          Comparison.GT,
          "_lte",
          Comparison.LTE,
          "_lt",
          Comparison.LT);

  /** The batch body's fields. */
  static final Set<String> BATCH_FIELDS = batchFields();

  private DagRunFilters() {}

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (V) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private static Map<String, String> orderBy(boolean withDuration) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String name :
        List.of(
            "id",
            "state",
            "dag_id",
            "run_id",
            "logical_date",
            "run_after",
            "start_date",
            "end_date",
            "updated_at",
            "conf")) {
      names.put(name, name);
    }
    if (withDuration) {
      names.put("duration", "duration");
    }
    names.put("dag_run_id", "run_id");
    return Map.copyOf(names);
  }

  private static Set<String> batchFields() {
    List<String> fields =
        new ArrayList<>(
            List.of("order_by", "page_offset", "page_limit", "dag_ids", "states", "conf_contains"));
    for (String time : List.of("run_after", "logical_date", "start_date", "end_date", "duration")) {
      for (String suffix : SUFFIXES.keySet()) {
        fields.add(time + suffix);
      }
    }
    return Set.copyOf(fields);
  }

  /** The query of {@code GET /dags/{dag_id}/dagRuns}; {@code dagId} {@code ~} means all DAGs. */
  static DagRunQuery fromQuery(Context ctx, String dagId) {
    ValidationErrors errors = new ValidationErrors();
    Paging paging = Paging.from(ctx, ORDER_BY, "id", errors);
    List<Bound> bounds = new ArrayList<>();
    for (Map.Entry<String, Field> time : TIME_FIELDS.entrySet()) {
      for (Map.Entry<String, Comparison> suffix : SUFFIXES.entrySet()) {
        Instant value = QueryParams.instant(ctx, time.getKey() + suffix.getKey(), errors);
        if (value != null) {
          bounds.add(new Bound(time.getValue(), suffix.getValue(), value, null));
        }
      }
    }
    for (Map.Entry<String, Comparison> suffix : SUFFIXES.entrySet()) {
      Double seconds = QueryParams.number(ctx, "duration" + suffix.getKey(), errors);
      if (seconds != null) {
        bounds.add(new Bound(Field.DURATION, suffix.getValue(), null, seconds));
      }
    }
    List<String> states = QueryParams.oneOf(ctx, "state", STATES, errors);
    List<String> runTypes = QueryParams.oneOf(ctx, "run_type", RUN_TYPES, errors);
    List<String> versions = ctx.queryParams("dag_version");
    List<Integer> versionNumbers = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      try {
        versionNumbers.add(Integer.parseInt(versions.get(i).strip()));
      } catch (NumberFormatException e) {
        errors.add(
            "int_parsing",
            List.of("query", "dag_version", i),
            "Input should be a valid integer, unable to parse string as an integer",
            versions.get(i));
      }
    }
    errors.throwIfAny();
    // Updraft runs have no bundle version or partition key: such filters match none.
    boolean matchNothing =
        ctx.queryParam("bundle_version") != null
            || !QueryParams.likePatterns(ctx.queryParam("partition_key_pattern")).isEmpty();
    return new DagRunQuery(
        "~".equals(dagId) ? List.of() : List.of(dagId),
        QueryParams.likePatterns(ctx.queryParam("dag_id_pattern")),
        bounds,
        states,
        runTypes,
        QueryParams.likePatterns(ctx.queryParam("run_id_pattern")),
        QueryParams.likePatterns(ctx.queryParam("triggering_user_name_pattern")),
        ctx.queryParam("conf_contains"),
        versionNumbers,
        matchNothing,
        paging.orderBy().stream()
            .map(sort -> new DagRunQuery.Order(sort.column(), sort.descending()))
            .toList(),
        paging.limit(),
        paging.offset());
  }

  /** The query of {@code POST /dags/~/dagRuns/list}. */
  static DagRunQuery fromBody(JsonBody body, ValidationErrors errors) {
    body.forbidExtras(BATCH_FIELDS);
    String orderBy = body.string("order_by", false, true, null);
    Integer offset = body.integer("page_offset", false, false, 0);
    Integer limit = body.integer("page_limit", false, false, 0);
    List<String> dagIds = strings(body, "dag_ids", errors);
    List<String> states = batchStates(body, errors);
    List<Bound> bounds = new ArrayList<>();
    for (Map.Entry<String, Field> time : TIME_FIELDS.entrySet()) {
      if (time.getValue() == Field.UPDATED_AT) {
        continue;
      }
      for (Map.Entry<String, Comparison> suffix : SUFFIXES.entrySet()) {
        Instant value =
            BodyDates.read(
                body, time.getKey() + suffix.getKey(), false, true, List.of("body"), errors);
        if (value != null) {
          bounds.add(new Bound(time.getValue(), suffix.getValue(), value, null));
        }
      }
    }
    for (Map.Entry<String, Comparison> suffix : SUFFIXES.entrySet()) {
      Double seconds = bodyNumber(body, "duration" + suffix.getKey(), errors);
      if (seconds != null) {
        bounds.add(new Bound(Field.DURATION, suffix.getValue(), null, seconds));
      }
    }
    String confContains = body.string("conf_contains", false, true, null);
    errors.throwIfAny();
    List<DagRunQuery.Order> order = new ArrayList<>();
    if (orderBy != null && !orderBy.isEmpty()) {
      Paging.Sort sort = Paging.sort(orderBy, BATCH_ORDER_BY);
      order.add(new DagRunQuery.Order(sort.column(), sort.descending()));
    }
    return new DagRunQuery(
        dagIds,
        List.of(),
        bounds,
        states,
        List.of(),
        List.of(),
        List.of(),
        confContains,
        List.of(),
        false,
        order,
        // Capped as every list is ([api] maximum_page_limit): a huge page_limit cannot dump the
        // table.
        Math.min(limit == null ? 100 : limit, Paging.MAXIMUM_LIMIT),
        offset == null ? 0 : offset);
  }

  private static Double bodyNumber(JsonBody body, String field, ValidationErrors errors) {
    JsonNode value = body.raw(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      errors.add(
          "float_type",
          List.of("body", field),
          "Input should be a valid number",
          JsonBody.plain(value));
      return null;
    }
    return value.doubleValue();
  }

  /** A list of strings, or empty when absent or null. */
  private static List<String> strings(JsonBody body, String field, ValidationErrors errors) {
    JsonNode value = body.raw(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      errors.add(
          "list_type",
          List.of("body", field),
          "Input should be a valid list",
          JsonBody.plain(value));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        errors.add(
            "string_type",
            List.of("body", field, i),
            "Input should be a valid string",
            JsonBody.plain(item));
      } else {
        values.add(item.textValue());
      }
    }
    return values;
  }

  private static List<String> batchStates(JsonBody body, ValidationErrors errors) {
    JsonNode value = body.raw("states");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      errors.add(
          "list_type",
          List.of("body", "states"),
          "Input should be a valid list",
          JsonBody.plain(value));
      return List.of();
    }
    List<String> states = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (item.isNull()) {
        continue;
      }
      if (!item.isTextual() || !STATES.contains(item.textValue())) {
        errors.add(
            "enum",
            List.of("body", "states", i),
            "Input should be " + ValidationErrors.choices(STATES),
            JsonBody.plain(item),
            Map.of("expected", ValidationErrors.choices(STATES)));
      } else {
        states.add(item.textValue());
      }
    }
    return states;
  }
}
