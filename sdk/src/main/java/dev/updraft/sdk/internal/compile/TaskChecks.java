package dev.updraft.sdk.internal.compile;

import static dev.updraft.sdk.ValidationProblem.Kind.BAD_SETTING;
import static dev.updraft.sdk.ValidationProblem.Kind.UNKNOWN_TRIGGER_RULE;

import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.TaskDefinition;
import dev.updraft.sdk.TriggerRule;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Checks each task's id and settings. */
final class TaskChecks {
  private TaskChecks() {}

  static void check(TaskDefinition task, Problems problems) {
    DagSettingsCheck.checkId("task id", task.taskId(), problems);
    TaskArgs args = task.args().resolve();
    String culprit = task.taskId();
    if (TriggerRule.fromValue(args.triggerRule()).isEmpty()) {
      problems.add(
          UNKNOWN_TRIGGER_RULE,
          culprit,
          "task '"
              + culprit
              + "' has unknown trigger rule '"
              + args.triggerRule()
              + "'; use one of "
              + Arrays.stream(TriggerRule.values())
                  .map(TriggerRule::value)
                  .collect(Collectors.joining(", ")));
    }
    if (args.retries() < 0) {
      problems.add(
          BAD_SETTING,
          culprit,
          "task '" + culprit + "' has retries " + args.retries() + "; use 0 or more");
    }
    if (args.poolSlots() < 1) {
      problems.add(
          BAD_SETTING,
          culprit,
          "task '" + culprit + "' has pool_slots " + args.poolSlots() + "; use 1 or more");
    }
    nonNegative(culprit, "retry_delay", args.retryDelay(), problems);
    nonNegative(culprit, "max_retry_delay", args.maxRetryDelay(), problems);
    if (args.executionTimeout() != null
        && (args.executionTimeout().isNegative() || args.executionTimeout().isZero())) {
      problems.add(
          BAD_SETTING,
          culprit,
          "task '"
              + culprit
              + "' has execution_timeout "
              + args.executionTimeout()
              + "; it must be positive");
    }
  }

  private static void nonNegative(
      String taskId, String setting, Duration value, Problems problems) {
    if (value != null && value.isNegative()) {
      problems.add(
          BAD_SETTING, taskId, "task '" + taskId + "' has negative " + setting + " " + value);
    }
  }
}
