package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.testing.DagRunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code updraft dags …}: list, show, test, trigger and pause DAGs and list their runs, as {@code
 * airflow dags …} does.
 */
@Command(
    name = "dags",
    description = "Manage DAGs.",
    mixinStandardHelpOptions = true,
    subcommands = {
      DagsCommand.ListDags.class,
      DagsCommand.ShowDag.class,
      DagsCommand.TestDag.class,
      DagsCommand.ListImportErrors.class,
      TriggerDag.class,
      PauseDag.class,
      UnpauseDag.class,
      ListRuns.class,
      DagState.class
    })
public final class DagsCommand implements Runnable {
  final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-S", "--subdir"},
      description =
          "The dags folder to read (default: $UPDRAFT_DAGS_FOLDER or $UPDRAFT_HOME/dags).",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path subdir;

  public DagsCommand(UpdraftConfig config) {
    this.config = config;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  DagCatalog catalog() {
    return DagCatalog.load(subdir != null ? config.withDagsFolder(subdir) : config);
  }

  /** {@code dags list}. */
  @Command(name = "list", description = "List the DAGs.", mixinStandardHelpOptions = true)
  static final class ListDags implements Callable<Integer> {
    @ParentCommand DagsCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "table",
        description = "Output format: table, json or plain (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (DagCatalog catalog = parent.catalog()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoadedDag loaded : catalog.dags()) {
          Dag dag = loaded.dag().dag();
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("dag_id", dag.dagId());
          row.put("fileloc", loaded.source());
          row.put("owners", dag.owner());
          row.put("schedule", dag.schedule().toString());
          row.put("tags", dag.tags());
          rows.add(row);
        }
        output.print(out, rows);
        warnAboutImportErrors(catalog, spec.commandLine().getErr());
      }
      return 0;
    }
  }

  /** {@code dags show}. */
  @Command(
      name = "show",
      description = "Show a DAG's tasks and dependencies.",
      mixinStandardHelpOptions = true)
  static final class ShowDag implements Callable<Integer> {
    @ParentCommand DagsCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DAG_ID")
    String dagId;

    @Option(names = "--dot", description = "Print the graph in Graphviz DOT.")
    boolean dot;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (DagCatalog catalog = parent.catalog()) {
        CompiledDag dag = catalog.require(dagId).dag();
        if (dot) {
          DagRenderer.dot(dag, out);
        } else {
          DagRenderer.text(dag, out);
        }
      }
      return 0;
    }
  }

  /** {@code dags test}. */
  @Command(
      name = "test",
      description =
          "Run one DAG run in this process, without a scheduler, and print each task's state.",
      mixinStandardHelpOptions = true)
  static final class TestDag implements Callable<Integer> {
    @ParentCommand DagsCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DAG_ID")
    String dagId;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "LOGICAL_DATE",
        description = "The run's logical date (default: now).")
    String positionalDate;

    @Option(
        names = "--logical-date",
        paramLabel = "DATE",
        description = "The run's logical date (default: now).")
    String logicalDate;

    @Option(
        names = {"-c", "--conf"},
        paramLabel = "JSON",
        description = "The run's conf, a JSON object.")
    String conf;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
        LoadedDag loaded = session.catalog().require(dagId);
        MetadataRecording recording = new MetadataRecording(parent.config, session);
        DagRunResult run =
            LocalRuns.recordedHarness(
                    recording,
                    loaded,
                    logicalDate != null ? logicalDate : positionalDate,
                    conf,
                    out)
                .run();
        new RunPrinter(out).summary(run);
        return run.succeeded() ? 0 : 1;
      }
    }
  }

  /** {@code dags list-import-errors}. */
  @Command(
      name = "list-import-errors",
      description = "List the DAG files that failed to load.",
      mixinStandardHelpOptions = true)
  static final class ListImportErrors implements Callable<Integer> {
    @ParentCommand DagsCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "table",
        description = "table, json or plain.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
      try (DagCatalog catalog = parent.catalog()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImportError error : catalog.importErrors()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("filepath", error.source());
          row.put("error", error.message());
          rows.add(row);
        }
        output.print(spec.commandLine().getOut(), rows);
        return catalog.importErrors().isEmpty() ? 0 : 1;
      }
    }
  }

  static void warnAboutImportErrors(DagCatalog catalog, PrintWriter err) {
    if (!catalog.importErrors().isEmpty()) {
      err.println(
          "Failed to load all files. For details, run `updraft dags list-import-errors`: "
              + catalog.importErrors().size()
              + " import error(s)");
      err.flush();
    }
  }
}
