package dev.updraft.sdk.internal.run;

import java.util.Optional;

/** Where XComs live, as JSON text: in memory for a test run, in the database for the service. */
public interface XComStore {

  void push(String dagId, String runId, String taskId, String key, String json);

  Optional<String> pull(String dagId, String runId, String taskId, String key);

  /** Removes a task instance's XComs, as a new try starts afresh. */
  void clear(String dagId, String runId, String taskId);
}
