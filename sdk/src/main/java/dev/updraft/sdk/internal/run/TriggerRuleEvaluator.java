package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TriggerRule;

/**
 * Decides a waiting task instance's fate from its trigger rule and its direct upstream states: a
 * pure function, following Airflow's {@code TriggerRuleDep} (with {@code
 * flag_upstream_failed=True}, as the scheduler runs it). A task without upstream tasks always runs.
 * Setup and teardown tasks do not exist yet, so {@code all_done_setup_success} behaves as {@code
 * all_done}.
 */
public final class TriggerRuleEvaluator {
  private TriggerRuleEvaluator() {}

  public static TriggerDecision decide(TriggerRule rule, UpstreamSummary s) {
    if (s.upstream() == 0) {
      return TriggerDecision.RUN;
    }
    TriggerDecision settled = settledState(rule, s);
    if (settled != null) {
      return settled;
    }
    return isMet(rule, s) ? TriggerDecision.RUN : TriggerDecision.WAIT;
  }

  /** The state Airflow sets at once when the rule can no longer be met; {@code null} if none. */
  private static TriggerDecision settledState(TriggerRule rule, UpstreamSummary s) {
    boolean upstreamDone = s.done() >= s.upstream();
    boolean anyFailed = s.failed() > 0 || s.upstreamFailed() > 0;
    return switch (rule) {
      case ALL_SUCCESS ->
          anyFailed
              ? TriggerDecision.UPSTREAM_FAILED
              : s.skipped() > 0 ? TriggerDecision.SKIP : null;
      case ALL_FAILED -> s.success() > 0 || s.skipped() > 0 ? TriggerDecision.SKIP : null;
      case ONE_SUCCESS, ALL_DONE_MIN_ONE_SUCCESS -> {
        if (upstreamDone && s.done() == s.skipped()) {
          yield TriggerDecision.SKIP;
        }
        yield upstreamDone && s.success() <= 0 ? TriggerDecision.UPSTREAM_FAILED : null;
      }
      case ONE_FAILED -> upstreamDone && !anyFailed ? TriggerDecision.SKIP : null;
      case ONE_DONE ->
          upstreamDone && s.failed() == 0 && s.success() == 0 ? TriggerDecision.SKIP : null;
      case NONE_FAILED -> anyFailed ? TriggerDecision.UPSTREAM_FAILED : null;
      case NONE_FAILED_MIN_ONE_SUCCESS ->
          anyFailed
              ? TriggerDecision.UPSTREAM_FAILED
              : s.skipped() == s.upstream() ? TriggerDecision.SKIP : null;
      case NONE_SKIPPED -> s.skipped() > 0 ? TriggerDecision.SKIP : null;
      case ALL_SKIPPED ->
          s.success() > 0 || s.failed() > 0 || s.upstreamFailed() > 0 ? TriggerDecision.SKIP : null;
      case ALL_DONE, ALL_DONE_SETUP_SUCCESS, ALWAYS -> null;
    };
  }

  private static boolean isMet(TriggerRule rule, UpstreamSummary s) {
    boolean upstreamDone = s.done() >= s.upstream();
    return switch (rule) {
      case ONE_SUCCESS -> s.success() > 0;
      case ONE_FAILED -> s.failed() > 0 || s.upstreamFailed() > 0;
      case ONE_DONE -> s.success() + s.failed() > 0;
      case ALL_SUCCESS -> s.upstream() - s.success() <= 0;
      case ALL_FAILED -> s.upstream() - s.failed() - s.upstreamFailed() <= 0;
      case ALL_DONE, ALL_DONE_SETUP_SUCCESS -> upstreamDone;
      case ALL_DONE_MIN_ONE_SUCCESS -> upstreamDone && s.success() > 0;
      case NONE_FAILED, NONE_FAILED_MIN_ONE_SUCCESS ->
          s.upstream() - s.success() - s.skipped() <= 0;
      case NONE_SKIPPED -> upstreamDone && s.skipped() == 0;
      case ALL_SKIPPED -> s.upstream() - s.skipped() <= 0;
      case ALWAYS -> true;
    };
  }
}
