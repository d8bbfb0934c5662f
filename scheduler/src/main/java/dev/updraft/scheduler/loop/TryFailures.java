package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.EventLogRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a try that failed without reporting it (its runner died, or stopped heartbeating): up for
 * retry while it has tries left, else failed, as Airflow's {@code handle_failure}; and records why
 * in the event log.
 */
final class TryFailures {
  private final TaskInstanceRepository instances;
  private final EventLogRepository events;

  TryFailures(TaskInstanceRepository instances, EventLogRepository events) {
    this.instances = instances;
    this.events = events;
  }

  /** Where a failed try goes: up_for_retry while {@code try_number <= max_tries}. */
  static TaskState stateAfterFailure(TaskInstanceRecord ti) {
    return ti.tryNumber() <= ti.maxTries() ? TaskState.UP_FOR_RETRY : TaskState.FAILED;
  }

  /**
   * Fails {@code ti} (as read) unless it changed meanwhile.
   *
   * @param event the event log's event name
   * @param reason why, for the event log
   * @return whether it was failed
   */
  boolean fail(TaskInstanceRecord ti, Instant now, String event, String reason) {
    TaskState to = stateAfterFailure(ti);
    if (instances.transitionFrom(ti, to, TransitionDetails.at(now)).isEmpty()) {
      return false;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("try_number", ti.tryNumber());
    extra.put("from_state", ti.state() == null ? null : ti.state().value());
    extra.put("to_state", to.value());
    extra.put("reason", reason);
    events.record(event, ti.dagId(), ti.taskId(), ti.runId(), "scheduler", Json.write(extra));
    return true;
  }
}
