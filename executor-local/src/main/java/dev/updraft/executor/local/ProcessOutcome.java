package dev.updraft.executor.local;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervised process ended.
 *
 * @param exitCode the root process's exit code; 128 + signal number when killed by a signal
 * @param reason why it ended
 * @param duration from start until the process tree was stopped
 */
public record ProcessOutcome(int exitCode, Reason reason, Duration duration) {

  /** Why a supervised process ended. */
  public enum Reason {
    /** The process exited on its own. */
    EXITED,
    /** The supervisor stopped it because its timeout elapsed. */
    TIMED_OUT,
    /** It was stopped by {@link SupervisedProcess#cancel()}. */
    CANCELLED
  }

  public ProcessOutcome {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(duration, "duration");
  }
}
