package dev.updraft.bench.scheduler;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.TaskHandle;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.util.Locale;

/** The DAGs the scheduler benchmark runs. */
final class BenchDags {
  static final String SEQUENTIAL = "bench_sequential";
  static final String WIDE = "bench_wide";
  static final String CHAIN = "bench_chain";

  private BenchDags() {}

  /** {@code tasks} Java tasks in a line, each sleeping {@code sleepMillis}. */
  static CompiledDag sequential(int tasks, long sleepMillis) {
    return DagCompiler.compile(sequentialDag(tasks, sleepMillis));
  }

  /** The DAG of {@link #sequential}, not compiled. */
  static Dag sequentialDag(int tasks, long sleepMillis) {
    DagBuilder dag = Dag.builder(SEQUENTIAL);
    TaskHandle<?> previous = null;
    for (int i = 0; i < tasks; i++) {
      TaskHandle<?> task =
          dag.task(
              taskId(i),
              () -> {
                Thread.sleep(sleepMillis);
                return null;
              });
      if (previous != null) {
        previous.then(task);
      }
      previous = task;
    }
    return dag.build();
  }

  /** {@code tasks} independent empty tasks; max_active_tasks lets parallelism be the limit. */
  static CompiledDag wide(int tasks, int maxActiveTasks) {
    DagBuilder dag = Dag.builder(WIDE).maxActiveTasks(maxActiveTasks);
    for (int i = 0; i < tasks; i++) {
      dag.empty(taskId(i));
    }
    return DagCompiler.compile(dag.build());
  }

  /** {@code tasks} empty tasks in a line. */
  static CompiledDag chain(int tasks) {
    DagBuilder dag = Dag.builder(CHAIN);
    TaskHandle<?> previous = null;
    for (int i = 0; i < tasks; i++) {
      TaskHandle<?> task = dag.empty(taskId(i));
      if (previous != null) {
        previous.then(task);
      }
      previous = task;
    }
    return DagCompiler.compile(dag.build());
  }

  /** Task ids that sort in chain order. */
  static String taskId(int index) {
    return String.format(Locale.ROOT, "t%05d", index);
  }
}
