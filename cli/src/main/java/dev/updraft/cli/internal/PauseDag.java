package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRepository;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dags pause DAG_ID}: the scheduler creates no new runs of a paused DAG. */
@Command(name = "pause", description = "Pause a DAG.", mixinStandardHelpOptions = true)
final class PauseDag implements Callable<Integer> {
  @ParentCommand DagsCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DAG_ID")
  String dagId;

  @Override
  public Integer call() {
    return setPaused(parent, spec, dagId, true);
  }

  /** Sets the flag and prints it as Airflow does ({@code Dag: x, paused: True}). */
  static int setPaused(
      DagsCommand parent,
      picocli.CommandLine.Model.CommandSpec spec,
      String dagId,
      boolean paused) {
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      session.catalog().require(dagId);
      new DagRepository(session.db()).setPaused(dagId, paused);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Dag: " + dagId + ", paused: " + (paused ? "True" : "False"));
      out.flush();
      return 0;
    }
  }
}
