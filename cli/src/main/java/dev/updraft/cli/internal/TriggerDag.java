package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.timetable.DataInterval;
import dev.updraft.scheduler.timetable.Timetables;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.run.RunIds;
import dev.updraft.sdk.internal.run.RunParams;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dags trigger DAG_ID}: creates a queued manual run, as Airflow 3's. Without {@code
 * --logical-date} the run has none (Airflow 3 allows that for manual runs) and its run id and data
 * interval come from the time it was triggered.
 */
@Command(
    name = "trigger",
    description = "Create a queued manual DAG run; a running scheduler starts it.",
    mixinStandardHelpOptions = true)
final class TriggerDag implements Callable<Integer> {
  @ParentCommand DagsCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DAG_ID")
  String dagId;

  @Option(
      names = {"-c", "--conf"},
      paramLabel = "JSON",
      description = "The run's conf, a JSON object.")
  String conf;

  @Option(
      names = {"-r", "--run-id"},
      paramLabel = "ID",
      description = "The run id (default: manual__<logical date or now>).")
  String runId;

  @Option(
      names = {"-l", "--logical-date"},
      paramLabel = "DATE",
      description = "The run's logical date (default: none).")
  String logicalDate;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, json or plain (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      LoadedDag loaded = session.catalog().require(dagId);
      Map<String, Object> confMap = LocalRuns.parseConf(conf);
      // Fails naming the param, as the run itself would, before anything is written.
      RunParams.resolve(loaded.dag().dag(), confMap);
      Instant logical = logicalDate == null ? null : LocalRuns.parseDate(logicalDate);
      Instant runAfter = logical != null ? logical : Instant.now().truncatedTo(ChronoUnit.MICROS);
      DataInterval interval = Timetables.of(loaded.dag().dag()).inferManualDataInterval(runAfter);
      DagRunRecord run =
          new DagRunRepository(session.db())
              .create(
                  new NewDagRun(
                      dagId,
                      runId != null ? runId : RunIds.of(DagRunType.MANUAL.value(), runAfter),
                      DagRunType.MANUAL,
                      DagRunState.QUEUED,
                      logical,
                      interval.start(),
                      interval.end(),
                      runAfter,
                      Json.write(confMap),
                      "cli",
                      null));
      PrintWriter out = spec.commandLine().getOut();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("dag_id", run.dagId());
      row.put("run_id", run.runId());
      row.put("state", Rows.state(run.state()));
      row.put("logical_date", Rows.date(run.logicalDate()));
      row.put("data_interval_start", Rows.date(run.dataIntervalStart()));
      row.put("data_interval_end", Rows.date(run.dataIntervalEnd()));
      row.put("conf", run.conf());
      output.print(out, List.of(row));
      boolean paused =
          new DagRepository(session.db()).find(dagId).map(DagRecord::isPaused).orElse(false);
      // Say what happens next: a paused DAG's runs wait, as in Airflow.
      PrintWriter note = output == OutputFormat.table ? out : spec.commandLine().getErr();
      note.println(
          paused
              ? "The run is queued, but DAG '"
                  + dagId
                  + "' is paused: it starts once you run `updraft dags unpause "
                  + dagId
                  + "`."
              : "The run is queued; a running scheduler (`updraft scheduler` or `updraft"
                  + " standalone`) starts it.");
      note.flush();
      return 0;
    }
  }
}
