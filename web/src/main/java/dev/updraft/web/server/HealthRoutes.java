package dev.updraft.web.server;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.JobRecord;
import dev.updraft.metadata.state.JobRepository;
import dev.updraft.metadata.state.JobState;
import dev.updraft.sdk.internal.run.RunIds;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v2/monitor/health}, without authentication, in Airflow 3's shape: the metadata
 * database, and the scheduler, triggerer and DAG processor from their latest {@code job} rows. A
 * component is healthy while its latest job runs and heartbeat within the threshold (Airflow's
 * {@code scheduler_health_check_threshold}, 30 s); a triggerer or DAG processor that never ran has
 * a {@code null} status, as in Airflow.
 */
public final class HealthRoutes implements RouteGroup {
  public static final String PATH = "/api/v2/monitor/health";

  /** Airflow's default {@code [scheduler] scheduler_health_check_threshold}. */
  public static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(30);

  private static final String HEALTHY = "healthy";
  private static final String UNHEALTHY = "unhealthy";

  private final MetadataDatabase db;
  private final JobRepository jobs;
  private final Clock clock;
  private final Duration threshold;

  public HealthRoutes(MetadataDatabase db, Clock clock, Duration threshold) {
    this.db = db;
    this.jobs = new JobRepository(db, clock);
    this.clock = clock;
    this.threshold = threshold;
  }

  @Override
  public void register(Javalin app) {
    app.get(PATH, this::health);
  }

  private void health(Context ctx) {
    boolean databaseUp = true;
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> scheduler;
    Map<String, Object> triggerer;
    Map<String, Object> processor;
    try {
      db.ping();
      scheduler = component("SchedulerJob", "latest_scheduler_heartbeat", UNHEALTHY);
      triggerer = component("TriggererJob", "latest_triggerer_heartbeat", null);
      processor = component("DagProcessorJob", "latest_dag_processor_heartbeat", null);
    } catch (RuntimeException e) {
      databaseUp = false;
      scheduler = status(UNHEALTHY, "latest_scheduler_heartbeat", null);
      triggerer = status(UNHEALTHY, "latest_triggerer_heartbeat", null);
      processor = status(UNHEALTHY, "latest_dag_processor_heartbeat", null);
    }
    body.put("metadatabase", Map.of("status", databaseUp ? HEALTHY : UNHEALTHY));
    body.put("scheduler", scheduler);
    body.put("triggerer", triggerer);
    body.put("dag_processor", processor);
    JsonResponses.respond(ctx, 200, body);
  }

  private Map<String, Object> component(String jobType, String heartbeatField, String ifNever) {
    Optional<JobRecord> latest = jobs.latest(jobType);
    if (latest.isEmpty()) {
      return status(ifNever, heartbeatField, null);
    }
    JobRecord job = latest.get();
    Instant heartbeat = job.latestHeartbeat();
    boolean alive =
        job.state() == JobState.RUNNING
            && heartbeat != null
            && Duration.between(heartbeat, clock.instant()).compareTo(threshold) < 0;
    return status(
        alive ? HEALTHY : UNHEALTHY,
        heartbeatField,
        heartbeat == null ? null : RunIds.isoformat(heartbeat));
  }

  private static Map<String, Object> status(String status, String heartbeatField, String beat) {
    Map<String, Object> component = new LinkedHashMap<>();
    component.put("status", status);
    component.put(heartbeatField, beat);
    return component;
  }
}
