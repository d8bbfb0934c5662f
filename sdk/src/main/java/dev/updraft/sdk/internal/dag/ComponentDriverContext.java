package dev.updraft.sdk.internal.dag;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.DriverContext;
import dev.updraft.sdk.internal.run.ArtifactStore;
import dev.updraft.sdk.task.OperatorContext;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The {@link DriverContext} of one component execution. */
record ComponentDriverContext(
    BaseComponent component,
    Map<String, List<Artifact>> channelInputs,
    Map<String, Object> parameters,
    OperatorContext task,
    ArtifactStore store)
    implements DriverContext {

  @Override
  public <T extends Artifact> List<T> latestArtifacts(Class<T> type, int limit) {
    return store.latest(task.dagId(), type, limit);
  }

  @Override
  public <T extends Artifact> T registerExternal(
      Class<T> type, String uri, Map<String, Object> properties) {
    return store.registerExternal(task.dagId(), type, uri, properties);
  }

  @Override
  public PrintStream log() {
    return task.log();
  }
}
