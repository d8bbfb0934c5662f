package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates a run's missing task instances from its DAG, as {@code RunRecorder} does. */
final class TaskInstanceFactory {
  private final TaskInstanceRepository instances;
  private final String executorName;

  TaskInstanceFactory(TaskInstanceRepository instances, String executorName) {
    this.instances = instances;
    this.executorName = executorName;
  }

  /** Creates those of {@code dag}'s tasks that {@code existing} lacks; how many it created. */
  int createMissing(CompiledDag dag, String runId, List<TaskInstanceRecord> existing) {
    Set<String> have =
        existing.stream().map(TaskInstanceRecord::taskId).collect(Collectors.toSet());
    List<TaskInstanceRecord> records = new ArrayList<>();
    for (String taskId : dag.topologicalOrder()) {
      if (have.contains(taskId)) {
        continue;
      }
      TaskArgs args = dag.options(taskId).args();
      records.add(
          TaskInstanceRecord.newInstance(dag.dagId(), runId, taskId)
              .withMaxTries(args.retries())
              .withPool(args.pool(), args.poolSlots())
              .withQueue(args.queue(), dag.priorityWeight(taskId))
              .withOperator(dag.task(taskId).operator().operatorName(), executorName));
    }
    instances.createForRun(records);
    return records.size();
  }
}
