package dev.updraft.sdk.testing;

import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One try of a task instance.
 *
 * @param tryNumber 1 for the first try
 * @param state how it ended
 * @param startDate when it started
 * @param endDate when it ended
 * @param error the failure's message, or {@code null}
 * @param log the lines it logged
 * @param renderedFields its templated fields as rendered
 */
public record TaskTry(
    int tryNumber,
    TaskState state,
    Instant startDate,
    Instant endDate,
    String error,
    List<String> log,
    Map<String, String> renderedFields) {}
