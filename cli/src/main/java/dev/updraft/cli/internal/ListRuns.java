package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.sdk.DagRunState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dags list-runs -d DAG_ID}: the DAG's runs, newest first, with Airflow's columns. */
@Command(name = "list-runs", description = "List a DAG's runs.", mixinStandardHelpOptions = true)
final class ListRuns implements Callable<Integer> {
  @ParentCommand DagsCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-d", "--dag-id"},
      required = true,
      paramLabel = "DAG_ID")
  String dagId;

  @Option(names = "--state", paramLabel = "STATE", description = "Only runs in this state.")
  String state;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, json or plain (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    DagRunState wanted = state == null ? null : parseState(state);
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      session.catalog().require(dagId);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DagRunRecord run : new DagRunRepository(session.db()).list(dagId)) {
        if (wanted != null && run.state() != wanted) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dag_id", run.dagId());
        row.put("run_id", run.runId());
        row.put("state", Rows.state(run.state()));
        row.put("run_type", run.runType().value());
        row.put("logical_date", Rows.date(run.logicalDate()));
        row.put("start_date", Rows.date(run.startDate()));
        row.put("end_date", Rows.date(run.endDate()));
        // Not one of Airflow's columns, but the only way to see a run's conf from the CLI yet.
        row.put("conf", run.conf());
        rows.add(row);
      }
      output.print(spec.commandLine().getOut(), rows);
      return 0;
    }
  }

  private static DagRunState parseState(String text) {
    return Arrays.stream(DagRunState.values())
        .filter(s -> s.value().equalsIgnoreCase(text))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--state must be one of "
                        + Arrays.stream(DagRunState.values()).map(DagRunState::value).toList()
                        + ", got: "
                        + text));
  }
}
