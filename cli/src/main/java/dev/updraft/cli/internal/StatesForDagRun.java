package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tasks states-for-dag-run DAG_ID RUN_ID}: each task instance's state in a run. */
@Command(
    name = "states-for-dag-run",
    description = "Print the state of each task instance of a DAG run.",
    mixinStandardHelpOptions = true)
final class StatesForDagRun implements Callable<Integer> {
  @ParentCommand TasksCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DAG_ID")
  String dagId;

  @Parameters(index = "1", paramLabel = "RUN_ID")
  String runId;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, json or plain (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      DagRunRecord run = Runs.require(session, dagId, runId);
      List<String> order = session.catalog().require(dagId).dag().topologicalOrder();
      List<TaskInstanceRecord> instances =
          new ArrayList<>(new TaskInstanceRepository(session.db()).listForRun(dagId, runId));
      // In the DAG's order, as a reader follows it; tasks gone from the DAG last.
      instances.sort(
          Comparator.comparingInt((TaskInstanceRecord ti) -> rank(order, ti.taskId()))
              .thenComparingInt(TaskInstanceRecord::mapIndex));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (TaskInstanceRecord ti : instances) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dag_id", ti.dagId());
        row.put("logical_date", Rows.date(run.logicalDate()));
        row.put("task_id", ti.taskId());
        row.put("state", Rows.state(ti.state()));
        row.put("start_date", Rows.date(ti.startDate()));
        row.put("end_date", Rows.date(ti.endDate()));
        row.put("try_number", ti.tryNumber());
        rows.add(row);
      }
      output.print(spec.commandLine().getOut(), rows);
      return 0;
    }
  }

  private static int rank(List<String> order, String taskId) {
    int index = order.indexOf(taskId);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
