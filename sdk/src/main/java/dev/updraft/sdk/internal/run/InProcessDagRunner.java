package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.TaskOptions;
import dev.updraft.sdk.task.OperatorResult;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.TaskInstanceResult;
import dev.updraft.sdk.testing.TaskTry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one DAG run to its end in this process, one task at a time in topological order, with
 * Airflow's semantics: trigger rules, branches, short-circuits, retries with their delays,
 * execution timeouts, and the run's state decided by its leaf tasks. It serves {@code dags test}
 * and the SDK's test harness.
 */
public final class InProcessDagRunner {
  private final XComStore xcoms;
  private final ArtifactStore artifacts;
  private final Secrets secrets;
  private final RunListener listener;
  private final Clock clock;

  public InProcessDagRunner(
      XComStore xcoms, ArtifactStore artifacts, RunListener listener, Clock clock) {
    this(xcoms, artifacts, Secrets.NONE, listener, clock);
  }

  /**
   * @param secrets the variables and connections tasks read
   */
  public InProcessDagRunner(
      XComStore xcoms,
      ArtifactStore artifacts,
      Secrets secrets,
      RunListener listener,
      Clock clock) {
    this.xcoms = xcoms;
    this.artifacts = artifacts;
    this.secrets = secrets;
    this.listener = listener;
    this.clock = clock;
  }

  /** Runs every task of {@code dag} for {@code run}. */
  public DagRunResult run(CompiledDag dag, RunInfo run) {
    return new Run(dag, run, dag.topologicalOrder()).execute();
  }

  /**
   * Runs one task once, ignoring its dependencies, as Airflow's {@code tasks test} does; its
   * retries are honoured.
   */
  public DagRunResult runTask(CompiledDag dag, RunInfo run, String taskId) {
    dag.task(taskId);
    return new Run(dag, run, List.of(taskId)).execute();
  }

  /** The mutable state of one run. */
  private final class Run {
    private final CompiledDag dag;
    private final RunInfo info;
    private final List<String> order;
    private final boolean ignoreDependencies;
    private final Map<String, TaskState> states = new HashMap<>();
    private final Map<String, List<TaskTry>> tries = new HashMap<>();
    private final Map<String, Instant> retryAt = new HashMap<>();

    Run(CompiledDag dag, RunInfo info, List<String> order) {
      this.dag = dag;
      this.info = info;
      this.order = order;
      this.ignoreDependencies = order.size() != dag.topologicalOrder().size();
    }

    DagRunResult execute() {
      listener.onRunStarted(dag, info);
      try (TaskTryRunner tryRunner = new TaskTryRunner(xcoms, artifacts, secrets)) {
        while (!allFinished()) {
          boolean progressed = false;
          for (String taskId : order) {
            progressed |= advance(taskId, tryRunner);
          }
          if (!progressed) {
            waitForRetry();
          }
        }
      }
      DagRunResult result = result();
      listener.onRunFinished(result);
      return result;
    }

    /** Moves one task forward if it can; whether anything changed. */
    private boolean advance(String taskId, TaskTryRunner tryRunner) {
      TaskState state = states.get(taskId);
      if (state != null && state.isFinished()) {
        return false;
      }
      if (state == TaskState.UP_FOR_RETRY) {
        if (clock.instant().isBefore(retryAt.get(taskId))) {
          return false;
        }
        return runTry(taskId, tryRunner);
      }
      TriggerDecision decision =
          ignoreDependencies
              ? TriggerDecision.RUN
              : TriggerRuleEvaluator.decide(
                  dag.options(taskId).triggerRule(), UpstreamSummary.of(upstreamStates(taskId)));
      return switch (decision) {
        case RUN -> runTry(taskId, tryRunner);
        case SKIP -> setState(taskId, TaskState.SKIPPED);
        case UPSTREAM_FAILED -> setState(taskId, TaskState.UPSTREAM_FAILED);
        case WAIT -> false;
      };
    }

    private Collection<TaskState> upstreamStates(String taskId) {
      List<TaskState> upstream = new ArrayList<>();
      for (String id : dag.upstream(taskId)) {
        upstream.add(states.get(id));
      }
      return upstream;
    }

    private boolean runTry(String taskId, TaskTryRunner tryRunner) {
      int tryNumber = tries.getOrDefault(taskId, List.of()).size() + 1;
      setState(taskId, TaskState.RUNNING, tryNumber);
      List<String> lines = new ArrayList<>();
      PrintStream log = logStream(taskId, tryNumber, lines);
      Instant start = clock.instant();
      TryOutcome outcome = checkBranch(taskId, tryRunner.run(dag, taskId, info, tryNumber, log));
      Instant end = clock.instant();
      TaskOptions options = dag.options(taskId);
      TaskState next = outcome.state();
      if (next == TaskState.FAILED && outcome.retryable() && tryNumber <= options.retries()) {
        Duration delay =
            RetryPolicy.delayAfter(
                options.args(), dag.dagId(), taskId, info.logicalDate(), tryNumber);
        retryAt.put(taskId, end.plus(delay)); // Airflow: end_date + delay
        log.println("Marking task as UP_FOR_RETRY; retrying in " + delay);
        next = TaskState.UP_FOR_RETRY;
      }
      log.close();
      String error = outcome.error() == null ? null : String.valueOf(outcome.error());
      TaskTry taskTry =
          new TaskTry(
              tryNumber, next, start, end, error, List.copyOf(lines), outcome.renderedFields());
      tries.computeIfAbsent(taskId, id -> new ArrayList<>()).add(taskTry);
      listener.onTryFinished(taskId, taskTry);
      setState(taskId, next, tryNumber);
      if (next == TaskState.SUCCESS) {
        applyFollowUp(taskId, outcome.result());
      }
      return true;
    }

    /** A branch naming tasks that are not its direct downstream ones fails, as in Airflow. */
    private TryOutcome checkBranch(String taskId, TryOutcome outcome) {
      return ignoreDependencies ? outcome : FollowUps.checkBranch(dag, taskId, outcome);
    }

    /** A branch or short-circuit decides the fate of tasks downstream of it. */
    private void applyFollowUp(String taskId, OperatorResult result) {
      if (!ignoreDependencies) {
        FollowUps.tasksToSkip(dag, taskId, result).forEach(id -> setState(id, TaskState.SKIPPED));
      }
    }

    private boolean setState(String taskId, TaskState state) {
      return setState(taskId, state, tries.getOrDefault(taskId, List.of()).size());
    }

    private boolean setState(String taskId, TaskState state, int tryNumber) {
      states.put(taskId, state);
      listener.onStateChange(taskId, tryNumber, state);
      return true;
    }

    private void waitForRetry() {
      Instant next =
          retryAt.entrySet().stream()
              .filter(e -> states.get(e.getKey()) == TaskState.UP_FOR_RETRY)
              .map(Map.Entry::getValue)
              .min(Instant::compareTo)
              .orElseThrow(
                  () -> new IllegalStateException("run of " + dag.dagId() + " is deadlocked"));
      long millis = Duration.between(clock.instant(), next).toMillis();
      if (millis > 0) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting to retry", e);
        }
      }
    }

    private boolean allFinished() {
      return order.stream().allMatch(id -> states.get(id) != null && states.get(id).isFinished());
    }

    private DagRunResult result() {
      Map<String, TaskInstanceResult> results = new LinkedHashMap<>();
      for (String taskId : order) {
        results.put(
            taskId,
            new TaskInstanceResult(
                taskId, states.get(taskId), List.copyOf(tries.getOrDefault(taskId, List.of()))));
      }
      return new DagRunResult(
          dag.dagId(), info.runId(), info.logicalDate(), runState(), results, xcoms, artifacts);
    }

    /** Airflow's rule: failed if any leaf failed or is upstream_failed, else success. */
    private DagRunState runState() {
      List<String> leaves = ignoreDependencies ? order : dag.leaves();
      boolean failed =
          leaves.stream()
              .map(states::get)
              .anyMatch(s -> s == TaskState.FAILED || s == TaskState.UPSTREAM_FAILED);
      return failed ? DagRunState.FAILED : DagRunState.SUCCESS;
    }

    private PrintStream logStream(String taskId, int tryNumber, List<String> lines) {
      OutputStream sink =
          new LineSink(
              line -> {
                synchronized (lines) {
                  lines.add(line);
                }
                listener.onLog(taskId, tryNumber, line);
              });
      return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
  }
}
