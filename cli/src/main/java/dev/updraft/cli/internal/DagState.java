package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRunRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dags state DAG_ID RUN_ID}: prints the run's state, as Airflow does. */
@Command(name = "state", description = "Print a DAG run's state.", mixinStandardHelpOptions = true)
final class DagState implements Callable<Integer> {
  @ParentCommand DagsCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DAG_ID")
  String dagId;

  @Parameters(index = "1", paramLabel = "RUN_ID")
  String runId;

  @Override
  public Integer call() {
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      DagRunRecord run = Runs.require(session, dagId, runId);
      spec.commandLine().getOut().println(run.state().value());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
