package dev.updraft.sdk;

import java.util.Arrays;
import java.util.Optional;

/**
 * When a task may run, judged from the states of its direct upstream tasks: Airflow 3's thirteen
 * trigger rules, with Airflow's names ({@link #value()}).
 */
public enum TriggerRule {
  /** Every upstream task succeeded (the default). */
  ALL_SUCCESS("all_success"),
  /** Every upstream task failed or was upstream_failed. */
  ALL_FAILED("all_failed"),
  /** Every upstream task is done, whatever its state. */
  ALL_DONE("all_done"),
  /** Every upstream task is done and at least one succeeded. */
  ALL_DONE_MIN_ONE_SUCCESS("all_done_min_one_success"),
  /** Every upstream task is done and every upstream setup task succeeded. */
  ALL_DONE_SETUP_SUCCESS("all_done_setup_success"),
  /** Every upstream task was skipped. */
  ALL_SKIPPED("all_skipped"),
  /** At least one upstream task succeeded; does not wait for the others. */
  ONE_SUCCESS("one_success"),
  /** At least one upstream task failed; does not wait for the others. */
  ONE_FAILED("one_failed"),
  /** At least one upstream task succeeded or failed; does not wait for the others. */
  ONE_DONE("one_done"),
  /** No upstream task failed or was upstream_failed (skips allowed). */
  NONE_FAILED("none_failed"),
  /** No upstream task failed and at least one succeeded. */
  NONE_FAILED_MIN_ONE_SUCCESS("none_failed_min_one_success"),
  /** No upstream task was skipped. */
  NONE_SKIPPED("none_skipped"),
  /** Run whatever happened upstream. */
  ALWAYS("always");

  private final String value;

  TriggerRule(String value) {
    this.value = value;
  }

  /** Airflow's name of the rule, e.g. {@code all_success}. */
  public String value() {
    return value;
  }

  /** The rule with Airflow's name {@code value}, if there is one. */
  public static Optional<TriggerRule> fromValue(String value) {
    return Arrays.stream(values()).filter(rule -> rule.value.equals(value)).findFirst();
  }

  @Override
  public String toString() {
    return value;
  }
}
