package dev.updraft.scheduler.decide;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether an {@code up_for_retry} task instance may be scheduled again, as Airflow's {@code
 * TaskInstance.ready_for_retry}: once {@code end_date + delay} lies strictly before now. The delay
 * comes from {@link dev.updraft.sdk.internal.run.RetryPolicy#delayAfter}, e.g.
 *
 * <pre>{@code
 * Duration delay = RetryPolicy.delayAfter(args, dagId, taskId, logicalDate, tryNumber);
 * if (RetryReadiness.isReady(ti.endDate(), delay, now)) { ... set scheduled ... }
 * }</pre>
 */
public final class RetryReadiness {
  private RetryReadiness() {}

  /**
   * Whether the retry is due at {@code now}; a try without an end date has nothing to wait from, so
   * it is due.
   */
  public static boolean isReady(Instant endDate, Duration delay, Instant now) {
    if (endDate == null) {
      return true;
    }
    // Airflow compares next_retry_datetime() < utcnow(): at the exact instant it is not yet due.
    return endDate.plus(delay).isBefore(now);
  }
}
