package dev.updraft.metadata.record;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.metadata.state.NewDagRun;
import dev.updraft.metadata.state.ParsedDag;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagSerializer;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.RunListener;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.TaskTry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records an in-process run ({@code dags test}) in the metadata database as the scheduler would:
 * the DAG, the run, each task instance's state changes and tries, so the run shows up beside
 * scheduled ones. Lineage is recorded by the artifact store the run uses.
 */
public final class RunRecorder implements RunListener {
  private static final Set<TaskState> ANY_STATE =
      TaskInstanceRepository.noStateOr(TaskState.values());

  private final DagRepository dags;
  private final DagRunRepository runs;
  private final TaskInstanceRepository instances;
  private final Clock clock;
  private final String triggeredBy;
  private final String fileloc;
  private final Map<String, UUID> instanceIds = new HashMap<>();
  private final Map<String, String> renderedFields = new HashMap<>();
  private final String hostname = hostname();
  private String dagId;
  private String runId;

  /**
   * @param triggeredBy Airflow's {@code triggered_by}, e.g. {@code test} for {@code dags test}
   * @param fileloc the jar or class folder the DAG came from, or {@code null}
   */
  public RunRecorder(MetadataDatabase db, Clock clock, String triggeredBy, String fileloc) {
    this.dags = new DagRepository(db, clock);
    this.runs = new DagRunRepository(db, clock);
    this.instances = new TaskInstanceRepository(db, clock);
    this.clock = clock;
    this.triggeredBy = triggeredBy;
    this.fileloc = fileloc;
  }

  @Override
  public void onRunStarted(CompiledDag dag, RunInfo run) {
    dagId = dag.dagId();
    runId = run.runId();
    if (dags.find(dag.dagId()).isEmpty()) {
      // Normally the DAG processor has recorded the DAG already; a bare `dags test` records it.
      String json = DagSerializer.toJson(dag);
      dags.upsert(
          new ParsedDag(
              dag.dagId(),
              fileloc,
              dag.dag().owner(),
              dag.dag().description(),
              dag.dag().schedule().toString(),
              dag.dag().maxActiveRuns(),
              dag.dag().maxActiveTasks(),
              dag.dag().tags(),
              false,
              json,
              DagSerializer.hash(json)));
    }
    // As Airflow's dags test does: a run with the same id (same logical date) is replaced.
    runs.delete(dag.dagId(), run.runId());
    runs.create(
        new NewDagRun(
            dag.dagId(),
            run.runId(),
            DagRunType.fromValue(run.runType()),
            DagRunState.RUNNING,
            run.logicalDate(),
            run.dataIntervalStart(),
            run.dataIntervalEnd(),
            run.logicalDate() != null ? run.logicalDate() : clock.instant(),
            Json.write(run.conf()),
            triggeredBy,
            null));
    List<TaskInstanceRecord> records = new ArrayList<>();
    for (String taskId : dag.topologicalOrder()) {
      TaskArgs args = dag.options(taskId).args();
      TaskInstanceRecord record =
          TaskInstanceRecord.newInstance(dag.dagId(), run.runId(), taskId)
              .withMaxTries(args.retries())
              .withPool(args.pool(), args.poolSlots())
              .withQueue(args.queue(), dag.priorityWeight(taskId))
              .withOperator(dag.task(taskId).operator().operatorName(), "InProcessExecutor");
      records.add(record);
      instanceIds.put(taskId, record.id());
    }
    instances.createForRun(records);
  }

  @Override
  public void onStateChange(String taskId, int tryNumber, TaskState state) {
    UUID id = instanceIds.get(taskId);
    if (id == null) {
      return;
    }
    if (state == TaskState.RUNNING) {
      // A try passes through scheduled and queued, as under the scheduler; scheduled starts it.
      instances.transition(
          id, ANY_STATE, TaskState.SCHEDULED, TransitionDetails.at(clock.instant()));
      instances.transition(
          id, Set.of(TaskState.SCHEDULED), TaskState.QUEUED, TransitionDetails.at(clock.instant()));
      instances.transition(
          id,
          Set.of(TaskState.QUEUED),
          TaskState.RUNNING,
          TransitionDetails.at(clock.instant())
              .withProcess(hostname, (int) ProcessHandle.current().pid()));
      return;
    }
    TransitionDetails details = TransitionDetails.at(clock.instant());
    String rendered = renderedFields.remove(taskId);
    if (rendered != null) {
      details = details.withRenderedFields(rendered);
    }
    instances.transition(id, ANY_STATE, state, details);
  }

  @Override
  public void onTryFinished(String taskId, TaskTry taskTry) {
    renderedFields.put(taskId, Json.write(taskTry.renderedFields()));
  }

  @Override
  public void onRunFinished(DagRunResult result) {
    runs.transition(dagId, runId, Set.of(DagRunState.RUNNING), result.state(), clock.instant());
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
