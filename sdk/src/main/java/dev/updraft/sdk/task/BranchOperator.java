package dev.updraft.sdk.task;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * Follows the direct downstream tasks its function names and skips the others (Airflow's {@code
 * BranchPythonOperator}); skipped tasks pass the skip on through their own trigger rules.
 */
public final class BranchOperator implements Operator {
  private final BranchFunction function;

  public BranchOperator(BranchFunction function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public OperatorResult execute(OperatorContext context) throws Exception {
    Collection<String> chosen = function.choose(context);
    LinkedHashSet<String> follow =
        new LinkedHashSet<>(chosen == null ? java.util.List.of() : chosen);
    context.log().println("Following branch " + follow);
    return new OperatorResult.Branch(follow);
  }
}
