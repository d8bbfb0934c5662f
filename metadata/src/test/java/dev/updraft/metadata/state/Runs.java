package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.sdk.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: a DAG run with task instances. */
final class Runs {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private Runs() {}

  /** Creates run {@code runId} of {@code dagId} (manual, queued). */
  static DagRunRecord run(MetadataDatabase db, String dagId, String runId) {
    return new DagRunRepository(db).create(NewDagRun.manual(dagId, runId, T0));
  }

  /** Creates the run and one task instance in {@code state} per task id; returns them by task. */
  static List<TaskInstanceRecord> runWithTasks(
      MetadataDatabase db, String dagId, String runId, TaskState state, String... taskIds) {
    run(db, dagId, runId);
    List<TaskInstanceRecord> tis = new ArrayList<>();
    for (String taskId : taskIds) {
      tis.add(TaskInstanceRecord.newInstance(dagId, runId, taskId).withState(state));
    }
    TaskInstanceRepository repository = new TaskInstanceRepository(db);
    repository.createForRun(tis);
    return repository.listForRun(dagId, runId);
  }
}
