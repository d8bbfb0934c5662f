package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code updraft backfill …}: Airflow 3's {@code airflow backfill}. */
@Command(
    name = "backfill",
    description = "Manage backfills.",
    mixinStandardHelpOptions = true,
    subcommands = {CreateBackfill.class})
public final class BackfillCommand implements Runnable {
  final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-S", "--subdir"},
      description =
          "The dags folder to read (default: $UPDRAFT_DAGS_FOLDER or $UPDRAFT_HOME/dags).",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path subdir;

  public BackfillCommand(UpdraftConfig config) {
    this.config = config;
  }

  DagCatalog catalog() {
    return DagCatalog.load(subdir != null ? config.withDagsFolder(subdir) : config);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
