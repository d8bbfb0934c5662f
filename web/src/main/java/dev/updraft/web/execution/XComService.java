package dev.updraft.web.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.web.execution.ExecutionBodies.XComResponse;

/** XComs as task runners push and pull them: JSON values under a key of a task instance. */
public final class XComService {
  private final XComRepository xcoms;
  private final ExecutionJson json;

  public XComService(XComRepository xcoms, ExecutionJson json) {
    this.xcoms = xcoms;
    this.json = json;
  }

  /** The value pushed under {@code key}, or 404. */
  public XComResponse get(String dagId, String runId, String taskId, int mapIndex, String key) {
    return xcoms
        .pull(dagId, runId, taskId, mapIndex, key)
        .map(value -> new XComResponse(key, json.parse(value)))
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "XCom with key '%s' not found for task '%s' in DAG '%s'"
                        .formatted(key, taskId, dagId)));
  }

  /** Pushes {@code value} under {@code key}, replacing what was there; 404 without the run. */
  public void set(
      String dagId, String runId, String taskId, int mapIndex, String key, JsonNode value) {
    try {
      xcoms.push(dagId, runId, taskId, mapIndex, key, json.write(value));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
  }
}
