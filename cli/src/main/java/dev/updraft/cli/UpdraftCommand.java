package dev.updraft.cli;

import dev.updraft.cli.internal.BackfillCommand;
import dev.updraft.cli.internal.DagsCommand;
import dev.updraft.cli.internal.DbCommand;
import dev.updraft.cli.internal.SchedulerCommand;
import dev.updraft.cli.internal.StandaloneCommand;
import dev.updraft.cli.internal.TasksCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command tree; its verbs mirror Airflow's CLI. */
@Command(
    name = "updraft",
    mixinStandardHelpOptions = true,
    version = "updraft 0.1.0",
    description = "An Airflow-compatible orchestrator for machine-learning pipelines.",
    subcommands = {
      DagsCommand.class,
      TasksCommand.class,
      BackfillCommand.class,
      DbCommand.class,
      SchedulerCommand.class,
      StandaloneCommand.class
    })
public final class UpdraftCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line whose subcommands receive {@code config}. */
  public static CommandLine commandLine(UpdraftConfig config) {
    CommandLine line =
        new CommandLine(
            new UpdraftCommand(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                try {
                  return type.getConstructor(UpdraftConfig.class).newInstance(config);
                } catch (NoSuchMethodException e) {
                  return CommandLine.defaultFactory().create(type);
                }
              }
            });
    line.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          commandLine.getErr().println("Error: " + exception.getMessage());
          return 1;
        });
    return line;
  }
}
