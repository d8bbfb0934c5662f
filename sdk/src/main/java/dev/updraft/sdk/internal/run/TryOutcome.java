package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.task.OperatorResult;
import java.util.Map;

/**
 * How one try ended.
 *
 * @param state {@code success}, {@code skipped} or {@code failed}
 * @param result what the operator returned, or {@code null} if it threw
 * @param error why it failed, or {@code null}
 * @param retryable whether a failure may be retried (not after {@code TaskFailException})
 * @param renderedFields the templated fields as rendered for this try
 */
public record TryOutcome(
    TaskState state,
    OperatorResult result,
    Throwable error,
    boolean retryable,
    Map<String, String> renderedFields) {}
