package dev.updraft.scheduler.loop;

import java.util.Objects;

/**
 * How a try's runner ended, as its executor saw it (Airflow's executor event).
 *
 * @param queuedTry the try
 * @param failed whether the runner ended without reporting the try's outcome: it crashed, was
 *     killed or could not start. The loop then fails the try (or puts it up for retry) if it is
 *     still queued or running.
 * @param reason why, for the log; empty when it did not fail
 */
public record TryExit(QueuedTry queuedTry, boolean failed, String reason) {
  public TryExit {
    Objects.requireNonNull(queuedTry, "queuedTry");
    Objects.requireNonNull(reason, "reason");
  }

  /** The runner reported the try's outcome itself. */
  public static TryExit reported(QueuedTry queuedTry) {
    return new TryExit(queuedTry, false, "");
  }

  /** The runner ended without reporting an outcome, because of {@code reason}. */
  public static TryExit failed(QueuedTry queuedTry, String reason) {
    return new TryExit(queuedTry, true, reason);
  }
}
