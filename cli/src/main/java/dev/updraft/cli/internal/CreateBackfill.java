package dev.updraft.cli.internal;

import dev.updraft.scheduler.backfill.BackfillCreator;
import dev.updraft.scheduler.backfill.BackfillOutcome;
import dev.updraft.scheduler.backfill.BackfillOutcome.Action;
import dev.updraft.scheduler.backfill.BackfillRequest;
import dev.updraft.scheduler.backfill.ReprocessBehavior;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.timetable.DagRunInfo;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.run.RunIds;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code backfill create}: queues a backfill run for each of the DAG's scheduled runs between two
 * logical dates, as Airflow 3's. The runs stay queued until a scheduler runs them, at most {@code
 * --max-active-runs} at a time.
 */
@Command(
    name = "create",
    description = "Create a backfill: queued runs for the DAG's schedule between two dates.",
    mixinStandardHelpOptions = true)
final class CreateBackfill implements Callable<Integer> {
  @ParentCommand BackfillCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dag-id", required = true, paramLabel = "DAG_ID", description = "The DAG.")
  String dagId;

  @Option(
      names = {"--from-date", "--from"},
      required = true,
      paramLabel = "DATE",
      description = "The first logical date (inclusive), ISO 8601; UTC unless an offset is given.")
  String fromDate;

  @Option(
      names = {"--to-date", "--to"},
      required = true,
      paramLabel = "DATE",
      description = "The last logical date (inclusive).")
  String toDate;

  @Option(
      names = "--reprocess-behavior",
      defaultValue = "none",
      paramLabel = "{none,failed,completed}",
      description =
          "What to do with dates that already have a finished run: none (keep them), failed (run"
              + " failed ones again) or completed (run all again). Default: ${DEFAULT-VALUE}.")
  String reprocessBehavior;

  @Option(
      names = "--max-active-runs",
      defaultValue = "" + BackfillRequest.DEFAULT_MAX_ACTIVE_RUNS,
      paramLabel = "N",
      description =
          "How many of the backfill's runs may be active at once (default: ${DEFAULT-VALUE}).")
  int maxActiveRuns;

  @Option(names = "--run-backwards", description = "Queue the newest logical date first.")
  boolean runBackwards;

  @Option(
      names = "--dag-run-conf",
      paramLabel = "JSON",
      description = "The runs' conf, a JSON object.")
  String dagRunConf;

  @Option(names = "--dry-run", description = "Print the logical dates to be attempted and stop.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    BackfillRequest request = request();
    PrintWriter out = spec.commandLine().getOut();
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      LoadedDag loaded = session.catalog().require(dagId);
      BackfillCreator creator = new BackfillCreator(session.db());
      if (dryRun) {
        printDryRun(out, request, creator.dryRun(loaded.dag(), request));
      } else {
        printOutcome(out, creator.create(loaded.dag(), request));
      }
      out.flush();
      return 0;
    }
  }

  private BackfillRequest request() {
    Instant from = LocalRuns.parseDate(fromDate);
    Instant to = LocalRuns.parseDate(toDate);
    String conf = dagRunConf == null ? null : Json.write(LocalRuns.parseConf(dagRunConf));
    return new BackfillRequest(
        dagId,
        from,
        to,
        ReprocessBehavior.fromValue(reprocessBehavior),
        maxActiveRuns,
        runBackwards,
        conf,
        System.getProperty("user.name"));
  }

  // Airflow's dry-run output, word for word.
  private void printDryRun(PrintWriter out, BackfillRequest request, List<DagRunInfo> infos) {
    out.println("Performing dry run of backfill.");
    out.println("Printing params:");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("dag_id", request.dagId());
    params.put("from_date", RunIds.isoformat(request.fromDate()));
    params.put("to_date", RunIds.isoformat(request.toDate()));
    params.put("max_active_runs", request.maxActiveRuns());
    params.put("reverse", request.runBackwards());
    params.put("dag_run_conf", dagRunConf);
    params.put("reprocess_behavior", request.reprocessBehavior());
    params.forEach((key, value) -> out.println("    - " + key + " = " + value));
    out.println("Logical dates to be attempted:");
    for (DagRunInfo info : infos) {
      out.println("    - " + RunIds.isoformat(info.logicalDate()));
    }
  }

  private void printOutcome(PrintWriter out, BackfillOutcome outcome) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BackfillOutcome.DateOutcome date : outcome.dates()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("logical_date", Rows.date(date.logicalDate()));
      row.put("run_id", date.runId());
      row.put("outcome", date.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      rows.add(row);
    }
    OutputFormat.table.print(out, rows);
    out.println(
        "Created backfill "
            + outcome.backfillId()
            + " of DAG '"
            + dagId
            + "': "
            + outcome.count(Action.CREATED)
            + " runs queued, "
            + outcome.count(Action.REPROCESSED)
            + " reprocessed, "
            + (outcome.count(Action.ALREADY_EXISTS) + outcome.count(Action.IN_FLIGHT))
            + " skipped.");
  }
}
