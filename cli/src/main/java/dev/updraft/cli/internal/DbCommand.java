package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.SchemaStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code updraft db …}: the metadata database, as {@code airflow db …}. */
@Command(
    name = "db",
    description = "Manage the metadata database (UPDRAFT_DB_URL; default: H2 under UPDRAFT_HOME).",
    mixinStandardHelpOptions = true,
    subcommands = {DbCommand.Migrate.class, DbCommand.Check.class, DbCommand.Reset.class})
public final class DbCommand implements Runnable {
  final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public DbCommand(UpdraftConfig config) {
    this.config = config;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code db migrate}. */
  @Command(
      name = "migrate",
      description = "Create or upgrade the schema.",
      mixinStandardHelpOptions = true)
  static final class Migrate implements Callable<Integer> {
    @ParentCommand DbCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (MetadataDatabase db = MetadataDatabase.open(parent.config.database())) {
        db.migrate();
        print(spec.commandLine().getOut(), db, db.status());
      }
      return 0;
    }
  }

  /** {@code db check}. */
  @Command(
      name = "check",
      description = "Check the database is reachable and its schema current; exit 1 if not.",
      mixinStandardHelpOptions = true)
  static final class Check implements Callable<Integer> {
    @ParentCommand DbCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (MetadataDatabase db = MetadataDatabase.open(parent.config.database())) {
        db.ping();
        SchemaStatus status = db.status();
        print(spec.commandLine().getOut(), db, status);
        return status.isCurrent() ? 0 : 1;
      }
    }
  }

  /** {@code db reset --yes}. */
  @Command(
      name = "reset",
      description = "Drop everything and migrate afresh.",
      mixinStandardHelpOptions = true)
  static final class Reset implements Callable<Integer> {
    @ParentCommand DbCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-y", "--yes"},
        description = "Confirm: all data in the database is lost.")
    boolean yes;

    @Override
    public Integer call() {
      if (!yes) {
        spec.commandLine()
            .getErr()
            .println(
                "Refusing to reset "
                    + parent.config.database().maskedUrl()
                    + " without --yes: every DAG run, task instance and artifact record would be lost.");
        return 1;
      }
      try (MetadataDatabase db = MetadataDatabase.open(parent.config.database())) {
        db.reset();
        print(spec.commandLine().getOut(), db, db.status());
      }
      return 0;
    }
  }

  private static void print(PrintWriter out, MetadataDatabase db, SchemaStatus status) {
    out.println(db.config().maskedUrl() + ": " + status.describe());
    out.flush();
  }
}
