package dev.updraft.bench.scheduler;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagFactory;

/**
 * The sequential benchmark DAG as a DAG source a task runner JVM can load: its size and sleep come
 * from the system properties {@value #TASKS} and {@value #SLEEP_MILLIS}, which the benchmark passes
 * to the runners.
 */
public final class SequentialBenchDag implements DagFactory {
  static final String TASKS = "updraft.bench.tasks";
  static final String SLEEP_MILLIS = "updraft.bench.sleep.ms";

  @Override
  public Dag create() {
    return BenchDags.sequentialDag(Integer.getInteger(TASKS, 40), Long.getLong(SLEEP_MILLIS, 10));
  }
}
