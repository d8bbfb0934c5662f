package dev.updraft.scheduler.loop;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fresh database, a scheduling loop and its executor over the DAGs a test registers. */
class LoopHarness implements AutoCloseable {
  final TestDatabases.TestDatabase fresh;
  final Map<String, CompiledDag> dags = new ConcurrentHashMap<>();
  final LoopDags loopDags = LoopDags.of(() -> dags);
  final TaskExecutor executor;
  final SchedulingLoop loop;
  final DagRunRepository runs;
  final TaskInstanceRepository instances;
  private int queued;

  /** With an in-process executor of {@code threads} threads. */
  LoopHarness(Dialect dialect, Path artifacts, int threads, LoopSettings settings) {
    this(
        TestDatabases.fresh(dialect),
        settings,
        harness ->
            new InProcessExecutor(
                harness.fresh.db(), harness.loopDags, artifacts, threads, Clock.systemUTC()));
  }

  /** With the executor {@code executorFor} makes (it may use the harness's database and DAGs). */
  LoopHarness(
      TestDatabases.TestDatabase database,
      LoopSettings settings,
      Function<LoopHarness, TaskExecutor> executorFor) {
    fresh = database;
    runs = new DagRunRepository(fresh.db());
    instances = new TaskInstanceRepository(fresh.db());
    executor = executorFor.apply(this);
    loop = new SchedulingLoop(fresh.db(), loopDags, executor, settings, Clock.systemUTC());
  }

  void register(DagBuilder dag) {
    CompiledDag compiled = DagCompiler.compile(dag.build());
    dags.put(compiled.dagId(), compiled);
  }

  /** Queues a manual run; each gets its own logical date (BashOperator needs one). */
  void queue(String dagId, String runId) {
    Instant logicalDate = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(queued++);
    runs.create(NewDagRun.manualAt(dagId, runId, logicalDate, "test"));
  }

  DagRunRecord run(String dagId, String runId) {
    return runs.find(dagId, runId).orElseThrow();
  }

  Map<String, TaskInstanceRecord> tis(String dagId, String runId) {
    return instances.listForRun(dagId, runId).stream()
        .collect(Collectors.toMap(TaskInstanceRecord::taskId, ti -> ti));
  }

  Map<String, TaskState> states(String dagId, String runId) {
    return instances.listForRun(dagId, runId).stream()
        .collect(Collectors.toMap(TaskInstanceRecord::taskId, TaskInstanceRecord::state));
  }

  @Override
  public void close() {
    if (executor instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    fresh.close();
  }
}
