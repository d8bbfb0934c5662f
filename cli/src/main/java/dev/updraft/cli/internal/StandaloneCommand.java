package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.sdk.testing.DagRunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code updraft standalone}. The scheduler daemon, API server and dashboard are not built yet;
 * until they are, this loads every DAG, runs each once in this process (as {@code dags test}) and
 * says so plainly.
 */
@Command(
    name = "standalone",
    description =
        "Run Updraft on this machine. For now: load the DAGs and run each once in-process.",
    mixinStandardHelpOptions = true)
public final class StandaloneCommand implements Callable<Integer> {
  private final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public StandaloneCommand(UpdraftConfig config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Updraft standalone (preview)");
    out.println("  The long-running scheduler, REST API and dashboard are not built yet.");
    out.println("  Until they are, standalone loads your DAGs and runs each once in this process,");
    out.println("  exactly as `updraft dags test` does, then exits.");
    out.println(
        "  dags folder: " + config.dagsFolder() + (config.loadExamples() ? " (+ examples)" : ""));
    List<String> failed = new ArrayList<>();
    try (MetadataSession session = MetadataSession.open(config, DagCatalog.load(config))) {
      DagCatalog catalog = session.catalog();
      MetadataRecording recording = new MetadataRecording(config, session);
      out.println("  metadata database: " + config.database().maskedUrl());
      out.println();
      DagsCommand.warnAboutImportErrors(catalog, spec.commandLine().getErr());
      for (LoadedDag loaded : catalog.dags()) {
        out.println("=== " + loaded.dag().dagId());
        DagRunResult run = LocalRuns.recordedHarness(recording, loaded, null, null, out).run();
        new RunPrinter(out).summary(run);
        out.println();
        if (!run.succeeded()) {
          failed.add(loaded.dag().dagId());
        }
      }
      out.printf(
          "Ran %d DAG(s); %s%n",
          catalog.dags().size(), failed.isEmpty() ? "all succeeded" : "failed: " + failed);
    }
    out.flush();
    return failed.isEmpty() ? 0 : 1;
  }
}
