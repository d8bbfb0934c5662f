package dev.updraft.web.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;

/**
 * Writes an {@code event_log} row for each request that changes state, as Airflow's {@code
 * action_logging}: the event is the route's operation (e.g. {@code post_pool}), the owner the user,
 * and {@code extra} the request's body.
 */
public final class AuditLog {
  private final EventLogRepository events;

  public AuditLog(EventLogRepository events) {
    this.events = events;
  }

  /** Records {@code event} by {@code user} with {@code body} (may be {@code null}). */
  public void record(String event, SimpleUser user, Object body) {
    record(event, user, null, null, null, body);
  }

  /**
   * Records {@code event} by {@code user} about a DAG, run or task instance ({@code dagId}, {@code
   * runId} and {@code taskId} may each be {@code null}), with {@code body} (may be {@code null}).
   */
  public void record(
      String event, SimpleUser user, String dagId, String runId, String taskId, Object body) {
    String extra;
    try {
      extra = body == null ? null : JsonResponses.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      extra = null;
    }
    events.record(event, dagId, taskId, runId, user.username(), extra);
  }
}
