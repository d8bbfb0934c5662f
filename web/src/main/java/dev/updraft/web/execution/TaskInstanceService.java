package dev.updraft.web.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.TaskState;
import dev.updraft.web.execution.ExecutionBodies.DagRunInfo;
import dev.updraft.web.execution.ExecutionBodies.TiEnterRunning;
import dev.updraft.web.execution.ExecutionBodies.TiHeartbeat;
import dev.updraft.web.execution.ExecutionBodies.TiRunContext;
import dev.updraft.web.execution.ExecutionBodies.TiStateUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A try's life as its task runner reports it: start, heartbeats, end. */
public final class TaskInstanceService {
  // Airflow lets a queued try start, and a restarting one (cleared while running) start again.
  private static final Set<TaskState> MAY_START = Set.of(TaskState.QUEUED, TaskState.RESTARTING);
  private static final Set<TaskState> ENDING =
      Set.of(
          TaskState.SUCCESS,
          TaskState.FAILED,
          TaskState.SKIPPED,
          TaskState.REMOVED,
          TaskState.UP_FOR_RETRY);

  private final TaskInstanceRepository taskInstances;
  private final DagRunRepository dagRuns;
  private final XComRepository xcoms;
  private final ExecutionJson json;
  private final Clock clock;

  public TaskInstanceService(
      TaskInstanceRepository taskInstances,
      DagRunRepository dagRuns,
      XComRepository xcoms,
      ExecutionJson json,
      Clock clock) {
    this.taskInstances = taskInstances;
    this.dagRuns = dagRuns;
    this.xcoms = xcoms;
    this.json = json;
    this.clock = clock;
  }

  /** Moves a queued try to running on the reporting process and answers its run context. */
  public TiRunContext run(UUID id, TiEnterRunning body) {
    if (!TaskState.RUNNING.value().equals(body.state())) {
      throw ExecutionJson.invalidParameter(
          "body", "state", "Input should be 'running'", body.state());
    }
    TaskInstanceRecord ti = find(id);
    TransitionDetails details =
        TransitionDetails.at(body.startDate().toInstant()).withProcess(body.hostname(), body.pid());
    // One compare-and-set on the row as read: no second read on the hot path.
    if (!MAY_START.contains(ti.state())
        || taskInstances.transitionFrom(ti, TaskState.RUNNING, details).isEmpty()) {
      // Re-read: a lost race reports the state the winner left.
      throw invalidState("TI was not in a state where it could be marked as running", find(id));
    }
    // Moving to running set last_heartbeat_at. A new try starts without the XComs of the previous
    // one, as in Airflow (a first try has none). The repository clears every map index of the
    // task, so mapped instances keep theirs for now.
    if (ti.tryNumber() > 1 && ti.mapIndex() == TaskInstanceRecord.NOT_MAPPED) {
      xcoms.clear(ti.dagId(), ti.runId(), ti.taskId());
    }
    DagRunRecord run =
        dagRuns
            .find(ti.dagId(), ti.runId())
            .orElseThrow(() -> ApiException.notFound("Dag run not found"));
    return new TiRunContext(
        dagRunInfo(run), 0, ti.maxTries(), shouldRetry(ti), List.of(), List.of(), List.of());
  }

  /**
   * Ends a running try in the reported state. {@code up_for_retry} becomes {@code failed} when the
   * try has no tries left, as the in-process executor decides.
   */
  public void updateState(UUID id, TiStateUpdate body) {
    TaskState to =
        TaskState.fromValue(body.state())
            .filter(ENDING::contains)
            .orElseThrow(
                () ->
                    ExecutionJson.invalidParameter(
                        "body",
                        "state",
                        "Input should be 'success', 'failed', 'skipped', 'removed' or"
                            + " 'up_for_retry'",
                        body.state()));
    TaskInstanceRecord ti = find(id);
    if (to == TaskState.UP_FOR_RETRY && ti.tryNumber() > ti.maxTries()) {
      to = TaskState.FAILED;
    }
    TransitionDetails details = TransitionDetails.at(body.endDate().toInstant());
    if (ti.state() != TaskState.RUNNING
        || taskInstances.transitionFrom(ti, to, details).isEmpty()) {
      throw invalidState("TI was not in the running state so it cannot be updated", find(id));
    }
  }

  /** Stores the running try's rendered template fields (Airflow's RTIF). */
  public void setRenderedFields(UUID id, JsonNode fields) {
    TaskInstanceRecord ti = find(id);
    if (ti.state() != TaskState.RUNNING
        || !taskInstances.setRenderedFields(id, json.write(fields))) {
      throw invalidState("TI was not in the running state", find(id));
    }
  }

  /**
   * Skips the named tasks of the caller's run that have no state yet, as a branch or a stopped
   * short-circuit does; tasks already decided keep their state.
   */
  public void skipDownstream(UUID id, List<String> taskIds) {
    TaskInstanceRecord source = find(id);
    Set<String> wanted = Set.copyOf(taskIds);
    Instant now = clock.instant();
    for (TaskInstanceRecord ti : taskInstances.listForRun(source.dagId(), source.runId())) {
      if (wanted.contains(ti.taskId())) {
        taskInstances.transition(
            ti.id(),
            TaskInstanceRepository.noStateOr(),
            TaskState.SKIPPED,
            TransitionDetails.at(now));
      }
    }
  }

  /** Records that the try is alive, if it is still running on the process that reports it. */
  public void heartbeat(UUID id, TiHeartbeat body) {
    TaskInstanceRecord ti = find(id);
    // Checked before the state, as Airflow does: a stray process must stop either way.
    if (!Objects.equals(ti.hostname(), body.hostname()) || !Objects.equals(ti.pid(), body.pid())) {
      throw ApiException.reason(
          409,
          "running_elsewhere",
          "TI is already running elsewhere",
          "current_hostname",
          ti.hostname(),
          "current_pid",
          ti.pid());
    }
    if (ti.state() != TaskState.RUNNING) {
      throw ApiException.reason(
          409,
          "not_running",
          "TI is no longer in the running state and task should terminate",
          "current_state",
          stateName(ti));
    }
    if (!taskInstances.heartbeat(id, clock.instant())) {
      // It ended between the read and the write.
      throw ApiException.reason(
          409,
          "not_running",
          "TI is no longer in the running state and task should terminate",
          "current_state",
          stateName(find(id)));
    }
  }

  private TaskInstanceRecord find(UUID id) {
    return taskInstances
        .find(id)
        .orElseThrow(() -> ApiException.notFound("Task Instance not found"));
  }

  private static ApiException invalidState(String message, TaskInstanceRecord now) {
    return ApiException.reason(409, "invalid_state", message, "previous_state", stateName(now));
  }

  private static String stateName(TaskInstanceRecord ti) {
    return ti.state() == null ? null : ti.state().value();
  }

  // Airflow's _is_eligible_to_retry, on the try as it was before it started.
  private static boolean shouldRetry(TaskInstanceRecord ti) {
    if (ti.state() == TaskState.RESTARTING) {
      return true;
    }
    return ti.maxTries() != 0 && ti.tryNumber() <= ti.maxTries();
  }

  private DagRunInfo dagRunInfo(DagRunRecord run) {
    var conf = json.parse(run.conf());
    return new DagRunInfo(
        run.dagId(),
        run.runId(),
        run.logicalDate(),
        run.dataIntervalStart(),
        run.dataIntervalEnd(),
        run.runAfter(),
        run.startDate(),
        run.endDate(),
        0,
        run.runType().value(),
        run.state().value(),
        conf != null ? conf : json.mapper().createObjectNode());
  }
}
