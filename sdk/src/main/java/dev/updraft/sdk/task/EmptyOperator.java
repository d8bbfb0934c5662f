package dev.updraft.sdk.task;

/** Does nothing and succeeds (Airflow's {@code EmptyOperator}); useful to join or fan out. */
public final class EmptyOperator implements Operator {
  @Override
  public OperatorResult execute(OperatorContext context) {
    return OperatorResult.success(null);
  }
}
