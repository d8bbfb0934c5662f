package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.cli.internal.daemon.DaemonRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code updraft standalone}: scheduler, API server, executor and the embedded database in one
 * process, as Airflow's {@code airflow standalone}; DAGs start unpaused unless configured.
 */
@Command(
    name = "standalone",
    description =
        "Run the scheduler, the API server and the executor in one process, with the embedded"
            + " database and the example DAGs; prints the API URL and the admin login.")
public final class StandaloneCommand implements Callable<Integer> {
  private final UpdraftConfig config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public StandaloneCommand(UpdraftConfig config) {
    this.config = config;
  }

  @Override
  public Integer call() throws InterruptedException {
    return DaemonRunner.run(config, true, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
