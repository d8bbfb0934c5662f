package dev.updraft.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dags unpause DAG_ID}. */
@Command(name = "unpause", description = "Resume a paused DAG.", mixinStandardHelpOptions = true)
final class UnpauseDag implements Callable<Integer> {
  @ParentCommand DagsCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DAG_ID")
  String dagId;

  @Override
  public Integer call() {
    return PauseDag.setPaused(parent, spec, dagId, false);
  }
}
