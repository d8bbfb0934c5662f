package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.Objects;

/**
 * What a task instance's state change writes besides the state. {@code null} fields leave the
 * column as it is.
 *
 * @param at when the change happens; dates the change stamps take this time
 * @param expectedVersion apply only if the row's {@code version} is still this (for callers that
 *     read the row, computed something, and must not overwrite a newer write); {@code null} to
 *     check only the expected states
 * @param newTry start a new try (increment {@code try_number}, clear the previous try's dates) even
 *     when the change would not by itself (see {@link TaskInstanceRepository#transition})
 * @param tryNumber set {@code try_number} to this, or {@code null}
 * @param hostname the worker host running the try, or {@code null}
 * @param pid the process id running the try, or {@code null}
 * @param executor the executor that runs the try, or {@code null}
 * @param externalExecutorId the executor's own id for the try, or {@code null}
 * @param renderedFields the rendered template fields (JSON), or {@code null}
 * @param note a user's note, or {@code null}
 */
public record TransitionDetails(
    Instant at,
    Integer expectedVersion,
    boolean newTry,
    Integer tryNumber,
    String hostname,
    Integer pid,
    String executor,
    String externalExecutorId,
    String renderedFields,
    String note) {

  public TransitionDetails {
    Objects.requireNonNull(at, "at");
  }

  /** A change at {@code at} that writes nothing but the state and the dates it implies. */
  public static TransitionDetails at(Instant at) {
    return new TransitionDetails(at, null, false, null, null, null, null, null, null, null);
  }

  /** Only if the row is still at {@code version}. */
  public TransitionDetails expectingVersion(int version) {
    return new TransitionDetails(
        at,
        version,
        newTry,
        tryNumber,
        hostname,
        pid,
        executor,
        externalExecutorId,
        renderedFields,
        note);
  }

  /** Starting a new try. */
  public TransitionDetails asNewTry() {
    return new TransitionDetails(
        at,
        expectedVersion,
        true,
        tryNumber,
        hostname,
        pid,
        executor,
        externalExecutorId,
        renderedFields,
        note);
  }

  /** Setting {@code try_number} to {@code number}. */
  public TransitionDetails withTryNumber(int number) {
    return new TransitionDetails(
        at,
        expectedVersion,
        newTry,
        number,
        hostname,
        pid,
        executor,
        externalExecutorId,
        renderedFields,
        note);
  }

  /** Run by process {@code processId} on {@code host}. */
  public TransitionDetails withProcess(String host, int processId) {
    return new TransitionDetails(
        at,
        expectedVersion,
        newTry,
        tryNumber,
        host,
        processId,
        executor,
        externalExecutorId,
        renderedFields,
        note);
  }

  /** Run by {@code executorName}, which knows the try as {@code externalId} (may be null). */
  public TransitionDetails withExecutor(String executorName, String externalId) {
    return new TransitionDetails(
        at,
        expectedVersion,
        newTry,
        tryNumber,
        hostname,
        pid,
        executorName,
        externalId,
        renderedFields,
        note);
  }

  /** With the rendered template fields {@code json}. */
  public TransitionDetails withRenderedFields(String json) {
    return new TransitionDetails(
        at,
        expectedVersion,
        newTry,
        tryNumber,
        hostname,
        pid,
        executor,
        externalExecutorId,
        json,
        note);
  }

  /** With the note {@code text}. */
  public TransitionDetails withNote(String text) {
    return new TransitionDetails(
        at,
        expectedVersion,
        newTry,
        tryNumber,
        hostname,
        pid,
        executor,
        externalExecutorId,
        renderedFields,
        text);
  }
}
