package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Tries whose runner ended without reporting an outcome, as executors tell them; each pass fails
 * those still queued or running in that same try (Airflow's "executor reports task instance
 * finished although the task says it's running").
 */
final class ExitEvents {
  private static final Set<TaskState> UNREPORTED = Set.of(TaskState.QUEUED, TaskState.RUNNING);

  private final Queue<TryExit> failed = new ConcurrentLinkedQueue<>();
  private final TaskInstanceRepository instances;
  private final TryFailures failures;

  ExitEvents(TaskInstanceRepository instances, TryFailures failures) {
    this.instances = instances;
    this.failures = failures;
  }

  /** Keeps {@code exit} for the next pass if its runner failed. */
  void accept(TryExit exit) {
    if (exit.failed()) {
      failed.add(exit);
    }
  }

  /** Fails the tries whose runner failed; how many it failed. */
  int process(Instant now) {
    int changes = 0;
    TryExit exit;
    while ((exit = failed.poll()) != null) {
      Optional<TaskInstanceRecord> ti = instances.find(exit.queuedTry().taskInstanceId());
      if (ti.isPresent()
          && ti.get().tryNumber() == exit.queuedTry().tryNumber()
          && UNREPORTED.contains(ti.get().state())
          && failures.fail(
              ti.get(),
              now,
              "executor_failure",
              "the task's runner ended without reporting the try's outcome: " + exit.reason())) {
        changes++;
      }
    }
    return changes;
  }
}
