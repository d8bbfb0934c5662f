package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tasks clear DAG_ID}: Airflow's clear. The matching task instances go back to no state
 * (their next try is numbered on from the last, with the task's retries afresh) and each finished
 * run they belong to goes back to {@code queued}. Airflow asks for confirmation; without a terminal
 * to ask on, this prints what it would clear and changes nothing unless given {@code --yes}.
 */
@Command(
    name = "clear",
    description = "Clear task instances so they run again (with --yes; otherwise just list them).",
    mixinStandardHelpOptions = true)
final class ClearTasks implements Callable<Integer> {
  private static final Set<TaskState> FAILED_STATES =
      Set.of(TaskState.FAILED, TaskState.UPSTREAM_FAILED);
  private static final Set<DagRunState> FINISHED_RUNS =
      Set.of(DagRunState.SUCCESS, DagRunState.FAILED);

  @ParentCommand TasksCommand parent;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DAG_ID")
  String dagId;

  @Option(
      names = {"-t", "--task-regex"},
      paramLabel = "REGEX",
      description = "Only tasks whose id matches (searched, as Python's re.search).")
  String taskRegex;

  @Option(
      names = {"-d", "--downstream"},
      description = "Also the tasks downstream of those matched.")
  boolean downstream;

  @Option(
      names = {"-u", "--upstream"},
      description = "Also the tasks upstream of those matched.")
  boolean upstream;

  @Option(
      names = {"-f", "--only-failed"},
      description = "Only failed and upstream_failed task instances.")
  boolean onlyFailed;

  @Option(
      names = {"-s", "--start-date"},
      paramLabel = "DATE",
      description = "Only runs with a logical date (else run_after) from this date on.")
  String startDate;

  @Option(
      names = {"-e", "--end-date"},
      paramLabel = "DATE",
      description = "Only runs with a logical date (else run_after) up to this date.")
  String endDate;

  @Option(
      names = {"-y", "--yes"},
      description = "Clear without asking; without it nothing changes.")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    Instant from = startDate == null ? null : LocalRuns.parseDate(startDate);
    Instant to = endDate == null ? null : LocalRuns.parseDate(endDate);
    PrintWriter out = spec.commandLine().getOut();
    try (MetadataSession session = MetadataSession.open(parent.config, parent.catalog())) {
      CompiledDag dag = session.catalog().require(dagId).dag();
      Set<String> tasks = selectTasks(dag);
      TaskInstanceRepository instances = new TaskInstanceRepository(session.db());
      DagRunRepository runs = new DagRunRepository(session.db());
      Map<DagRunRecord, List<TaskInstanceRecord>> plan = new LinkedHashMap<>();
      for (DagRunRecord run : runs.list(dagId)) {
        Instant when = run.logicalDate() != null ? run.logicalDate() : run.runAfter();
        if ((from != null && when.isBefore(from)) || (to != null && when.isAfter(to))) {
          continue;
        }
        List<TaskInstanceRecord> matching = new ArrayList<>();
        for (TaskInstanceRecord ti : instances.listForRun(dagId, run.runId())) {
          if (tasks.contains(ti.taskId())
              && (!onlyFailed || (ti.state() != null && FAILED_STATES.contains(ti.state())))) {
            matching.add(ti);
          }
        }
        if (!matching.isEmpty()) {
          plan.put(run, matching);
        }
      }
      int count = plan.values().stream().mapToInt(List::size).sum();
      if (count == 0) {
        out.println("No task instances to clear");
        out.flush();
        return 0;
      }
      printPlan(out, plan, count);
      if (!yes) {
        out.println("Nothing was cleared: pass --yes to clear them.");
        out.flush();
        return 0;
      }
      for (Map.Entry<DagRunRecord, List<TaskInstanceRecord>> entry : plan.entrySet()) {
        DagRunRecord run = entry.getKey();
        Map<String, Integer> retries = new LinkedHashMap<>();
        for (TaskInstanceRecord ti : entry.getValue()) {
          retries.put(ti.taskId(), dag.options(ti.taskId()).args().retries());
        }
        instances.clear(dagId, run.runId(), retries);
        // As Airflow: only a finished run is queued again; an active one picks the tasks up.
        runs.transition(dagId, run.runId(), FINISHED_RUNS, DagRunState.QUEUED, Instant.now());
      }
      out.println(
          "Cleared "
              + count
              + " task instance(s) in "
              + plan.size()
              + " run(s). Finished runs are queued again; with no scheduler daemon yet in"
              + " Updraft they stay queued until one runs them.");
      out.flush();
      return 0;
    }
  }

  private Set<String> selectTasks(CompiledDag dag) {
    Pattern pattern = taskRegex == null ? null : Pattern.compile(taskRegex);
    Set<String> matched = new LinkedHashSet<>();
    for (String taskId : dag.topologicalOrder()) {
      if (pattern == null || pattern.matcher(taskId).find()) {
        matched.add(taskId);
      }
    }
    Set<String> selected = new LinkedHashSet<>(matched);
    for (String taskId : matched) {
      if (downstream) {
        selected.addAll(dag.descendants(taskId));
      }
      if (upstream) {
        selected.addAll(dag.graph().getAncestors(taskId));
      }
    }
    return selected;
  }

  private static void printPlan(
      PrintWriter out, Map<DagRunRecord, List<TaskInstanceRecord>> plan, int count) {
    out.println("You are about to clear these " + count + " task instance(s):");
    List<List<String>> rows = new ArrayList<>();
    plan.forEach(
        (run, tis) ->
            tis.forEach(
                ti ->
                    rows.add(
                        List.of(
                            ti.dagId(),
                            ti.runId(),
                            ti.taskId(),
                            String.valueOf(Rows.state(ti.state())),
                            Integer.toString(ti.tryNumber())))));
    TablePrinter.print(out, List.of("dag_id", "run_id", "task_id", "state", "try_number"), rows);
  }
}
