package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.TransitionDetails;
import dev.updraft.scheduler.decide.RunDecision;
import dev.updraft.scheduler.decide.RunSnapshot;
import dev.updraft.scheduler.decide.RunStateDecider;
import dev.updraft.scheduler.decide.TaskNode;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides a running run's state with {@link RunStateDecider} and writes it. */
final class RunFinisher {
  private final DagRunRepository runs;
  private final TaskInstanceRepository instances;

  RunFinisher(DagRunRepository runs, TaskInstanceRepository instances) {
    this.runs = runs;
    this.instances = instances;
  }

  /** Writes the run's state if it changed; how many rows it changed. */
  int finish(CompiledDag dag, DagRunRecord run, List<TaskInstanceRecord> tis, Instant now) {
    List<TaskNode> nodes = new ArrayList<>();
    for (TaskInstanceRecord ti : tis) {
      if (dag.hasTask(ti.taskId())) {
        nodes.add(
            new TaskNode(
                ti.taskId(),
                ti.state(),
                dag.options(ti.taskId()).triggerRule(),
                new HashSet<>(dag.upstream(ti.taskId()))));
      }
    }
    RunDecision decision =
        RunStateDecider.decide(
            new RunSnapshot(
                nodes, Set.copyOf(dag.leaves()), run.startDate(), dag.dag().dagrunTimeout(), now));
    int changes = 0;
    for (TaskInstanceRecord ti : tis) {
      TaskState to = decision.taskChanges().get(ti.taskId());
      Set<TaskState> from =
          ti.state() == null ? TaskInstanceRepository.noStateOr() : Set.of(ti.state());
      if (to != null && instances.transition(ti.id(), from, to, TransitionDetails.at(now))) {
        changes++;
      }
    }
    if (decision.state() != DagRunState.RUNNING
        && runs.transition(
            run.dagId(), run.runId(), Set.of(DagRunState.RUNNING), decision.state(), now)) {
      changes++;
    }
    return changes;
  }
}
