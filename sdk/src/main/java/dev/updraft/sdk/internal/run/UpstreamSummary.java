package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskState;
import java.util.Collection;

/**
 * Counts of a task's direct upstream task instances by state, as Airflow's trigger-rule check
 * counts them.
 *
 * @param upstream how many direct upstream tasks there are
 * @param success how many succeeded
 * @param skipped how many were skipped
 * @param failed how many failed
 * @param upstreamFailed how many are upstream_failed
 * @param removed how many were removed
 */
public record UpstreamSummary(
    int upstream, int success, int skipped, int failed, int upstreamFailed, int removed) {

  /** The number of upstream tasks in a finished state. */
  public int done() {
    return success + skipped + failed + upstreamFailed + removed;
  }

  /** Counts {@code states}, one per direct upstream task; {@code null} is not yet finished. */
  public static UpstreamSummary of(Collection<TaskState> states) {
    int success = 0;
    int skipped = 0;
    int failed = 0;
    int upstreamFailed = 0;
    int removed = 0;
    for (TaskState state : states) {
      if (state == null) {
        continue;
      }
      switch (state) {
        case SUCCESS -> success++;
        case SKIPPED -> skipped++;
        case FAILED -> failed++;
        case UPSTREAM_FAILED -> upstreamFailed++;
        case REMOVED -> removed++;
        default -> {}
      }
    }
    return new UpstreamSummary(states.size(), success, skipped, failed, upstreamFailed, removed);
  }
}
