package dev.updraft.web.api.internal.eventlogs;

import dev.updraft.metadata.state.EventLogEntry;
import dev.updraft.metadata.state.EventLogListing;
import dev.updraft.metadata.state.EventLogQuery;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.PathParams;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v2/eventLogs}: the audit trail, listed and read one by one, as Airflow's routes. */
public final class EventLogRoutes {
  static final String PATH = "/api/v2/eventLogs";

  /** Airflow's sort attributes; {@code when} and {@code event_log_id} are the API's aliases. */
  private static final Map<String, String> ORDER_BY = orderBy();

  private final EventLogListing logs;
  private final ApiAuth auth;

  public EventLogRoutes(EventLogListing logs, ApiAuth auth) {
    this.logs = logs;
    this.auth = auth;
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.get(PATH + "/{event_log_id}", this::get);
  }

  private void list(Context ctx) {
    auth.require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    Integer mapIndex = optionalInteger(ctx, "map_index", errors);
    Integer tryNumber = optionalInteger(ctx, "try_number", errors);
    Instant before = QueryParams.instant(ctx, "before", errors);
    Instant after = QueryParams.instant(ctx, "after", errors);
    errors.throwIfAny();
    Paging paging = Paging.from(ctx, ORDER_BY, "id", errors);
    List<EventLogQuery.Order> order = new ArrayList<>();
    paging.orderBy().forEach(s -> order.add(new EventLogQuery.Order(s.column(), s.descending())));
    if (order.stream().noneMatch(o -> o.column().equals("id"))) {
      // The primary key breaks ties, so pages neither repeat nor skip rows.
      order.add(new EventLogQuery.Order("id", false));
    }
    EventLogQuery query =
        new EventLogQuery(
            ctx.queryParam("dag_id"),
            ctx.queryParam("task_id"),
            ctx.queryParam("run_id"),
            mapIndex,
            tryNumber,
            ctx.queryParam("owner"),
            ctx.queryParam("event"),
            commaList(ctx, "excluded_events"),
            commaList(ctx, "included_events"),
            before,
            after,
            QueryParams.likePatterns(ctx.queryParam("dag_id_pattern")),
            QueryParams.likePatterns(ctx.queryParam("task_id_pattern")),
            QueryParams.likePatterns(ctx.queryParam("run_id_pattern")),
            QueryParams.likePatterns(ctx.queryParam("owner_pattern")),
            QueryParams.likePatterns(ctx.queryParam("event_pattern")),
            order,
            paging.limit(),
            paging.offset());
    List<Map<String, Object>> page =
        logs.page(query).stream().map(EventLogRoutes::response).toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("event_logs", page, logs.count(query)));
  }

  private void get(Context ctx) {
    auth.require(ctx, Permission.READ);
    long id = PathParams.integer(ctx, "event_log_id", Long::parseLong);
    EventLogEntry entry =
        logs.find(id)
            .orElseThrow(
                () -> new ApiException(404, "The Event Log with id: `" + id + "` not found"));
    JsonResponses.respond(ctx, 200, response(entry));
  }

  /** An optional integer filter: absent is no filter (Airflow's {@code int | None}). */
  private static Integer optionalInteger(Context ctx, String name, ValidationErrors errors) {
    if (ctx.queryParam(name) == null) {
      return null;
    }
    return QueryParams.integer(ctx, name, 0, Integer.MIN_VALUE, errors);
  }

  /**
   * Airflow reads {@code excluded_events} and {@code included_events} as comma-separated lists
   * (repeating the parameter works too).
   */
  private static List<String> commaList(Context ctx, String name) {
    List<String> values = new ArrayList<>();
    for (String raw : ctx.queryParams(name)) {
      for (String part : raw.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }

  /** Airflow's {@code EventLogResponse}. */
  static Map<String, Object> response(EventLogEntry entry) {
    var log = entry.log();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_log_id", log.id());
    body.put("when", ApiTimes.format(log.dttm()));
    body.put("dag_id", log.dagId());
    body.put("task_id", log.taskId());
    body.put("run_id", log.runId());
    body.put("map_index", log.mapIndex());
    body.put("try_number", log.tryNumber());
    body.put("event", log.event());
    body.put("logical_date", log.logicalDate() == null ? null : ApiTimes.format(log.logicalDate()));
    body.put("owner", log.owner());
    body.put("extra", log.extra());
    body.put("dag_display_name", entry.dagDisplayName());
    body.put("task_display_name", entry.taskDisplayName());
    return body;
  }

  private static Map<String, String> orderBy() {
    Map<String, String> allowed = new HashMap<>();
    EventLogQuery.COLUMNS.forEach(column -> allowed.put(column, column));
    allowed.put("when", "dttm");
    allowed.put("event_log_id", "id");
    return Map.copyOf(allowed);
  }
}
