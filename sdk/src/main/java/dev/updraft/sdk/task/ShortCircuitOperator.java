package dev.updraft.sdk.task;

import java.util.Objects;

/**
 * Skips what follows when its condition is false (Airflow's {@code ShortCircuitOperator}). By
 * default every downstream task is skipped regardless of trigger rules; with {@code
 * ignoreDownstreamTriggerRules=false} only the direct downstream tasks are, and the rest follow
 * their trigger rules.
 */
public final class ShortCircuitOperator implements Operator {
  private final ShortCircuitFunction condition;
  private final boolean ignoreDownstreamTriggerRules;

  public ShortCircuitOperator(
      ShortCircuitFunction condition, boolean ignoreDownstreamTriggerRules) {
    this.condition = Objects.requireNonNull(condition, "condition");
    this.ignoreDownstreamTriggerRules = ignoreDownstreamTriggerRules;
  }

  @Override
  public OperatorResult execute(OperatorContext context) throws Exception {
    boolean proceed = condition.test(context);
    context.log().println("Condition result is " + proceed);
    if (proceed) {
      return OperatorResult.success(true);
    }
    return new OperatorResult.ShortCircuit(ignoreDownstreamTriggerRules);
  }
}
