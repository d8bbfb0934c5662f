package dev.updraft.web.api.internal.jobs;

import dev.updraft.metadata.state.JobListing;
import dev.updraft.metadata.state.JobQuery;
import dev.updraft.metadata.state.JobRecord;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/v2/jobs}: the scheduler's, triggerer's and DAG processor's job rows. */
public final class JobRoutes {
  static final String PATH = "/api/v2/jobs";

  private static final Map<String, String> ORDER_BY =
      JobQuery.COLUMNS.stream().collect(Collectors.toMap(Function.identity(), c -> c));

  private final JobListing jobs;
  private final ApiAuth auth;
  private final Clock clock;
  private final Duration aliveWithin;

  /**
   * @param aliveWithin how recent a running job's heartbeat must be for it to count as alive
   *     (Airflow's {@code scheduler_health_check_threshold})
   */
  public JobRoutes(JobListing jobs, ApiAuth auth, Clock clock, Duration aliveWithin) {
    this.jobs = jobs;
    this.auth = auth;
    this.clock = clock;
    this.aliveWithin = aliveWithin;
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
  }

  private void list(Context ctx) {
    auth.require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    Boolean alive = QueryParams.bool(ctx, "is_alive", errors);
    JobQuery.Range start = range(ctx, "start_date", errors);
    JobQuery.Range end = range(ctx, "end_date", errors);
    errors.throwIfAny();
    Paging paging = Paging.from(ctx, ORDER_BY, "id", errors);
    List<JobQuery.Order> order = new ArrayList<>();
    paging.orderBy().forEach(s -> order.add(new JobQuery.Order(s.column(), s.descending())));
    if (order.stream().noneMatch(o -> o.column().equals("id"))) {
      order.add(new JobQuery.Order("id", false)); // stable pages
    }
    JobQuery query =
        new JobQuery(
            ctx.queryParam("job_state"),
            ctx.queryParam("job_type"),
            ctx.queryParam("hostname"),
            ctx.queryParam("executor_class"),
            alive,
            clock.instant().minus(aliveWithin),
            start,
            end,
            order,
            paging.limit(),
            paging.offset());
    List<Map<String, Object>> page = jobs.page(query).stream().map(JobRoutes::response).toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("jobs", page, jobs.count(query)));
  }

  private static JobQuery.Range range(Context ctx, String field, ValidationErrors errors) {
    return new JobQuery.Range(
        QueryParams.instant(ctx, field + "_gte", errors),
        QueryParams.instant(ctx, field + "_gt", errors),
        QueryParams.instant(ctx, field + "_lte", errors),
        QueryParams.instant(ctx, field + "_lt", errors));
  }

  /** Airflow's {@code JobResponse}. */
  private static Map<String, Object> response(JobRecord job) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", job.id());
    body.put("dag_id", job.dagId());
    body.put("state", job.state() == null ? null : job.state().value());
    body.put("job_type", job.jobType());
    body.put("start_date", time(job.startDate()));
    body.put("end_date", time(job.endDate()));
    body.put("latest_heartbeat", time(job.latestHeartbeat()));
    body.put("executor_class", job.executorClass());
    body.put("hostname", job.hostname());
    body.put("unixname", job.unixname());
    body.put("dag_display_name", job.dagId()); // Airflow falls back to the id; no display names
    return body;
  }

  private static String time(Instant instant) {
    return instant == null ? null : ApiTimes.format(instant);
  }
}
