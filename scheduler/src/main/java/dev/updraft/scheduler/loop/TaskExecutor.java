package dev.updraft.scheduler.loop;

/**
 * Runs queued tries. An executor reports through the metadata database, as Airflow's task runner
 * does through the execution API: it moves the task instance from {@code queued} to {@code running}
 * and then to its final state (or {@code up_for_retry}), with compare-and-set transitions.
 */
public interface TaskExecutor {
  /** The executor's name, recorded on the task instances it runs. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Accepts {@code queuedTry} to run; must not block on the try itself. */
  void submit(QueuedTry queuedTry);

  /**
   * Asks to be told when each try's runner ends (after the try's outcome is written, if it was), so
   * the loop can react at once and fail tries whose runner died; executors that cannot tell leave
   * the loop to its poll interval and to heartbeat checks.
   */
  default void onTryExit(java.util.function.Consumer<TryExit> listener) {}
}
