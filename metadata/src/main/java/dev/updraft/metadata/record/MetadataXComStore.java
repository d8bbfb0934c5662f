package dev.updraft.metadata.record;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.internal.run.XComStore;
import java.util.Optional;

/** The runtime's {@link XComStore} on the metadata database's {@code xcom} table. */
public final class MetadataXComStore implements XComStore {
  private final XComRepository xcoms;

  public MetadataXComStore(MetadataDatabase db) {
    this.xcoms = new XComRepository(db);
  }

  @Override
  public void push(String dagId, String runId, String taskId, String key, String json) {
    xcoms.push(dagId, runId, taskId, key, json);
  }

  @Override
  public Optional<String> pull(String dagId, String runId, String taskId, String key) {
    return xcoms.pull(dagId, runId, taskId, key);
  }

  @Override
  public void clear(String dagId, String runId, String taskId) {
    xcoms.clear(dagId, runId, taskId);
  }
}
