package dev.updraft.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.updraft.sdk.internal.run.XComStore;
import java.util.Optional;

/** XComs through the execution API, as JSON text. */
public final class HttpXComStore implements XComStore {
  private final ExecutionClient client;

  public HttpXComStore(ExecutionClient client) {
    this.client = client;
  }

  @Override
  public void push(String dagId, String runId, String taskId, String key, String json) {
    try {
      client.setXCom(dagId, runId, taskId, key, client.mapper().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("XCom value is not JSON: " + json, e);
    }
  }

  @Override
  public Optional<String> pull(String dagId, String runId, String taskId, String key) {
    return client.getXCom(dagId, runId, taskId, key).map(Object::toString);
  }

  /** The server cleared the task's XComs when the try started ({@code /run}). */
  @Override
  public void clear(String dagId, String runId, String taskId) {}
}
