package dev.updraft.sdk.internal.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link XComStore} in memory. Thread-safe. */
public final class InMemoryXComStore implements XComStore {
  private record Key(String dagId, String runId, String taskId, String key) {}

  private final Map<Key, String> values = new ConcurrentHashMap<>();

  @Override
  public void push(String dagId, String runId, String taskId, String key, String json) {
    values.put(new Key(dagId, runId, taskId, key), json);
  }

  @Override
  public Optional<String> pull(String dagId, String runId, String taskId, String key) {
    return Optional.ofNullable(values.get(new Key(dagId, runId, taskId, key)));
  }

  @Override
  public void clear(String dagId, String runId, String taskId) {
    values
        .keySet()
        .removeIf(k -> k.dagId.equals(dagId) && k.runId.equals(runId) && k.taskId.equals(taskId));
  }
}
