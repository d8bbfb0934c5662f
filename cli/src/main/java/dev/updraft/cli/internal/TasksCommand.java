package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.TaskInstanceResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code updraft tasks …}, as {@code airflow tasks …}. */
@Command(
    name = "tasks",
    description = "Manage tasks.",
    mixinStandardHelpOptions = true,
    subcommands = {
      TasksCommand.ListTasks.class,
      TasksCommand.TestTask.class,
      StatesForDagRun.class,
      ClearTasks.class
    })
public final class TasksCommand implements Runnable {
  final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-S", "--subdir"},
      description = "The dags folder to read.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path subdir;

  public TasksCommand(UpdraftConfig config) {
    this.config = config;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  DagCatalog catalog() {
    return DagCatalog.load(subdir != null ? config.withDagsFolder(subdir) : config);
  }

  /** {@code tasks list DAG_ID}. */
  @Command(name = "list", description = "List a DAG's tasks.", mixinStandardHelpOptions = true)
  static final class ListTasks implements Callable<Integer> {
    @ParentCommand TasksCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DAG_ID")
    String dagId;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (DagCatalog catalog = parent.catalog()) {
        catalog.require(dagId).dag().topologicalOrder().forEach(out::println);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code tasks test DAG_ID TASK_ID [LOGICAL_DATE]}. */
  @Command(
      name = "test",
      description =
          "Run one task instance in this process, ignoring its dependencies; nothing is recorded.",
      mixinStandardHelpOptions = true)
  static final class TestTask implements Callable<Integer> {
    @ParentCommand TasksCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DAG_ID")
    String dagId;

    @Parameters(index = "1", paramLabel = "TASK_ID")
    String taskId;

    @Parameters(index = "2", arity = "0..1", paramLabel = "LOGICAL_DATE")
    String logicalDate;

    @Option(
        names = {"-c", "--conf"},
        paramLabel = "JSON",
        description = "The run's conf, a JSON object.")
    String conf;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (DagCatalog catalog = parent.catalog()) {
        CompiledDag dag = catalog.require(dagId).dag();
        DagRunResult run = LocalRuns.harness(dag, logicalDate, conf, out).runTask(taskId);
        TaskInstanceResult task = run.task(taskId);
        out.printf(
            "Task %s.%s finished: %s after %d tr%s%n",
            dagId, taskId, task.state(), task.tryCount(), task.tryCount() == 1 ? "y" : "ies");
        out.flush();
        return task.state() == TaskState.FAILED ? 1 : 0;
      }
    }
  }
}
