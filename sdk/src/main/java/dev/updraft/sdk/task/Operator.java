package dev.updraft.sdk.task;

import java.util.Map;

/**
 * What a task does when it runs (Airflow's {@code BaseOperator.execute}). The SDK's operators cover
 * Java callables, shell commands, empty tasks, branches, short-circuits and components; implement
 * this for your own.
 *
 * <p>An operator is part of a DAG definition and is rebuilt in every process that runs the task, so
 * it holds configuration only, never run state.
 */
public interface Operator {

  /** Runs one try. Throw to fail it (retried if retries remain). */
  OperatorResult execute(OperatorContext context) throws Exception;

  /** The operator's kind as shown to users, e.g. {@code BashOperator}. */
  default String operatorName() {
    return getClass().getSimpleName();
  }

  /**
   * The operator's templated fields and their raw values, rendered per try (Airflow's {@code
   * template_fields}); none by default.
   */
  default Map<String, String> templateFields() {
    return Map.of();
  }
}
