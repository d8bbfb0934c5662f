package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.cli.internal.daemon.DaemonRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code updraft scheduler}: the scheduler daemon, as Airflow's {@code airflow scheduler}. Several
 * may share one PostgreSQL database.
 */
@Command(
    name = "scheduler",
    description =
        "Run the scheduler daemon: re-scans the dags folder, creates scheduled runs, and runs"
            + " tasks with the configured executor. Several schedulers may share one PostgreSQL.")
public final class SchedulerCommand implements Callable<Integer> {
  private final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public SchedulerCommand(UpdraftConfig config) {
    this.config = config;
  }

  @Override
  public Integer call() throws InterruptedException {
    return DaemonRunner.run(
        config, false, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
