package dev.updraft.metadata.state.internal;

import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a task instance's state change does to its other columns, following Airflow: scheduling
 * starts a new try (except when a rescheduled or deferred try resumes), queueing stamps {@code
 * queued_dttm}, running stamps {@code start_date}, and ending a try stamps {@code end_date} and
 * {@code duration}. Pure: the repository reads, applies this, and writes.
 */
public final class TaskInstanceTransitions {
  // Tries that continue rather than start over when they are scheduled again.
  private static final Set<TaskState> RESUMING =
      EnumSet.of(TaskState.UP_FOR_RESCHEDULE, TaskState.DEFERRED, TaskState.SCHEDULED);

  private TaskInstanceTransitions() {}

  /** Whether moving a task instance in {@code from} to {@code to} starts a new try. */
  public static boolean startsNewTry(TaskState from, TaskState to, TransitionDetails details) {
    return details.newTry() || (to == TaskState.SCHEDULED && !RESUMING.contains(from));
  }

  /** Whether {@code to} ends a try, so the try is copied into {@code task_instance_history}. */
  public static boolean endsTry(TaskState to) {
    return to.isFinished() || to == TaskState.UP_FOR_RETRY;
  }

  /** The row after moving {@code ti} to {@code to} with {@code details}. */
  public static TaskInstanceRecord apply(
      TaskInstanceRecord ti, TaskState to, TransitionDetails details) {
    Instant at = Times.truncate(details.at());
    boolean newTry = startsNewTry(ti.state(), to, details);
    int tryNumber = ti.tryNumber() + (newTry ? 1 : 0);
    if (details.tryNumber() != null) {
      tryNumber = details.tryNumber();
    }
    Instant startDate = newTry ? null : ti.startDate();
    Instant endDate = newTry ? null : ti.endDate();
    Double duration = newTry ? null : ti.duration();
    Integer pid = newTry ? null : ti.pid();
    String externalId = newTry ? null : ti.externalExecutorId();
    Instant queuedDttm = ti.queuedDttm();
    Instant scheduledDttm = ti.scheduledDttm();

    if (to == TaskState.SCHEDULED) {
      scheduledDttm = at;
    } else if (to == TaskState.QUEUED) {
      queuedDttm = at;
    } else if (to == TaskState.RUNNING && ti.state() != TaskState.RUNNING) {
      // A resumed (deferred or rescheduled) try keeps the time it first started.
      boolean resumes =
          ti.state() == TaskState.DEFERRED || ti.state() == TaskState.UP_FOR_RESCHEDULE;
      startDate = resumes && startDate != null ? startDate : at;
      endDate = null;
      duration = null;
    } else if (endsTry(to) || to == TaskState.UP_FOR_RESCHEDULE) {
      // A try that never ran (skipped, upstream_failed) starts and ends at once, as in Airflow.
      startDate = startDate == null ? at : startDate;
      endDate = at;
      duration = Duration.between(startDate, endDate).toNanos() / 1e9;
    }

    return new TaskInstanceRecord(
        ti.id(),
        ti.dagId(),
        ti.runId(),
        ti.taskId(),
        ti.mapIndex(),
        tryNumber,
        ti.maxTries(),
        to,
        startDate,
        endDate,
        duration,
        or(details.hostname(), ti.hostname()),
        or(details.pid(), pid),
        ti.pool(),
        ti.poolSlots(),
        ti.queue(),
        ti.priorityWeight(),
        ti.operator(),
        or(details.executor(), ti.executor()),
        queuedDttm,
        scheduledDttm,
        or(details.renderedFields(), ti.renderedFields()),
        or(details.note(), ti.note()),
        or(details.externalExecutorId(), externalId),
        at,
        // The version the row has once this change is written.
        ti.version() + 1);
  }

  private static <T> T or(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }
}
