package dev.updraft.sdk.internal.run;

/** What a trigger rule says about a task instance that has not run yet. */
public enum TriggerDecision {
  /** The rule is met: the task may be queued. */
  RUN,
  /** Not yet decidable: wait for more upstream tasks to finish. */
  WAIT,
  /** The rule can no longer be met in a way that skips the task. */
  SKIP,
  /** The rule can no longer be met because upstream tasks failed. */
  UPSTREAM_FAILED
}
