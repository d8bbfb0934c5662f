package dev.updraft.sdk;

/**
 * One thing wrong with a DAG definition.
 *
 * @param kind what sort of problem
 * @param culprit what is wrong: a task id, a cycle, a setting (as users wrote it)
 * @param message a sentence saying what is wrong and where
 */
public record ValidationProblem(Kind kind, String culprit, String message) {

  /** The sorts of problem validation finds. */
  public enum Kind {
    INVALID_ID,
    DUPLICATE_TASK_ID,
    UNKNOWN_UPSTREAM,
    CYCLE,
    UNKNOWN_TRIGGER_RULE,
    BAD_SCHEDULE,
    MISSING_START_DATE,
    BAD_DATES,
    BAD_SETTING,
    BAD_PARAM,
    UNBOUND_INPUT,
    UNKNOWN_INPUT,
    INPUT_TYPE_MISMATCH,
    PRODUCER_NOT_IN_DAG,
    UNKNOWN_PARAMETER,
    MISSING_PARAMETER,
    PARAMETER_TYPE_MISMATCH
  }

  @Override
  public String toString() {
    return message;
  }
}
