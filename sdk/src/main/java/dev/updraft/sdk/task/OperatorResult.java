package dev.updraft.sdk.task;

import java.util.Set;

/** How a try ended when it did not throw. */
public sealed interface OperatorResult {

  /** Succeeded; a non-null value is pushed as the task's return-value XCom. */
  static OperatorResult success(Object returnValue) {
    return new Success(returnValue);
  }

  /**
   * The try succeeded.
   *
   * @param returnValue pushed as the {@code return_value} XCom unless {@code null}
   */
  record Success(Object returnValue) implements OperatorResult {}

  /**
   * The try ended as {@code skipped}.
   *
   * @param reason why, for the log
   */
  record Skipped(String reason) implements OperatorResult {}

  /**
   * A branch chose which direct downstream tasks run; the others are skipped.
   *
   * @param followTaskIds the downstream task ids to follow
   */
  record Branch(Set<String> followTaskIds) implements OperatorResult {}

  /**
   * A short-circuit's condition was false: downstream tasks are skipped.
   *
   * @param ignoreDownstreamTriggerRules skip every downstream task (true), or only the direct ones
   *     and let trigger rules decide the rest (false)
   */
  record ShortCircuit(boolean ignoreDownstreamTriggerRules) implements OperatorResult {}
}
