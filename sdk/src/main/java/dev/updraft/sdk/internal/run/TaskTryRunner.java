package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskFailException;
import dev.updraft.sdk.TaskSkipException;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.XComArg;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.TaskOptions;
import dev.updraft.sdk.task.Operator;
import dev.updraft.sdk.task.OperatorResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one try of one task: renders its templated fields, runs its operator under the task's
 * execution timeout with the try's context installed, and pushes its return value. The same code
 * serves the in-process runner and, later, the task runner in a child process.
 */
public final class TaskTryRunner implements AutoCloseable {
  private final XComStore xcoms;
  private final ArtifactStore artifacts;
  private final Secrets secrets;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "updraft-task");
            thread.setDaemon(true);
            return thread;
          });

  /** A runner whose tasks see no variables or connections beyond the environment's. */
  public TaskTryRunner(XComStore xcoms, ArtifactStore artifacts) {
    this(xcoms, artifacts, Secrets.NONE);
  }

  /**
   * @param secrets the variables and connections tasks read; variables set in the environment
   *     ({@code UPDRAFT_VAR_<KEY>}, {@code AIRFLOW_VAR_<KEY>}) come first
   */
  public TaskTryRunner(XComStore xcoms, ArtifactStore artifacts, Secrets secrets) {
    this.xcoms = xcoms;
    this.artifacts = artifacts;
    this.secrets = Secrets.withEnvironment(System.getenv(), secrets);
  }

  /** Runs try {@code tryNumber} of {@code taskId}; never throws for the task's own failures. */
  public TryOutcome run(
      CompiledDag dag, String taskId, RunInfo run, int tryNumber, PrintStream log) {
    TaskOptions options = dag.options(taskId);
    Operator operator = dag.task(taskId).operator();
    RuntimeTaskContext context =
        new RuntimeTaskContext(
            dag.dag(),
            taskId,
            run,
            tryNumber,
            options.retries() + 1,
            xcoms,
            artifacts,
            secrets,
            log);
    if (tryNumber > 1) {
      // A new try starts without the previous try's XComs; a first try has none to drop.
      xcoms.clear(dag.dagId(), run.runId(), taskId);
    }
    Map<String, String> rendered = Map.of();
    try {
      rendered = context.renderFields(operator.templateFields());
      OperatorResult result = runWithTimeout(operator, context, options.executionTimeout());
      if (result instanceof OperatorResult.Success success && success.returnValue() != null) {
        xcoms.push(
            dag.dagId(),
            run.runId(),
            taskId,
            XComArg.RETURN_VALUE,
            Json.write(success.returnValue()));
      }
      TaskState state =
          result instanceof OperatorResult.Skipped ? TaskState.SKIPPED : TaskState.SUCCESS;
      return new TryOutcome(state, result, null, false, rendered);
    } catch (TaskSkipException skip) {
      log.println("Task skipped: " + skip.getMessage());
      return new TryOutcome(TaskState.SKIPPED, null, null, false, rendered);
    } catch (Throwable error) {
      Throwable cause = unwrap(error);
      log.println("Task failed: " + cause);
      return new TryOutcome(
          TaskState.FAILED, null, cause, !(cause instanceof TaskFailException), rendered);
    }
  }

  private OperatorResult runWithTimeout(
      Operator operator, RuntimeTaskContext context, Duration timeout) throws Throwable {
    Future<OperatorResult> future =
        threads.submit(
            () -> {
              CurrentTaskContext.set(context);
              try {
                return operator.execute(context);
              } finally {
                CurrentTaskContext.set(null);
              }
            });
    try {
      return timeout == null ? future.get() : future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TaskTimeoutException(
          "Timeout: task '"
              + context.taskId()
              + "' ran longer than its execution_timeout "
              + timeout);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof ExecutionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** A try ran past its execution timeout (Airflow's {@code AirflowTaskTimeout}); retried. */
  public static final class TaskTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskTimeoutException(String message) {
      super(message);
    }
  }
}
