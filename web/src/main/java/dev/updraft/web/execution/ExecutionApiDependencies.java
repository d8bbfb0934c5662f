package dev.updraft.web.execution;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.metadata.state.XComRepository;
import java.time.Clock;

/**
 * What the Task Execution API needs, so the API server and the scheduler's standalone process can
 * each mount it over their own database and token secret.
 */
public record ExecutionApiDependencies(
    TaskInstanceRepository taskInstances,
    DagRunRepository dagRuns,
    XComRepository xcoms,
    VariableRepository variables,
    TaskTokens tokens,
    HeartbeatRegistry heartbeats,
    Clock clock) {

  /** Repositories over {@code db}, tokens checked with {@code tokens}, on the system clock. */
  public static ExecutionApiDependencies of(MetadataDatabase db, TaskTokens tokens) {
    return new ExecutionApiDependencies(
        new TaskInstanceRepository(db),
        new DagRunRepository(db),
        new XComRepository(db),
        new VariableRepository(db),
        tokens,
        new HeartbeatRegistry(),
        Clock.systemUTC());
  }
}
