package dev.updraft.web.execution;

import io.javalin.http.Context;

/**
 * Where an XCom route points: the task instance of path parameters {@code dag_id}, {@code run_id},
 * {@code task_id}, query parameter {@code map_index} (-1, unmapped, by default) and the {@code
 * key}.
 */
record XComPath(String dagId, String runId, String taskId, int mapIndex, String key) {

  static XComPath of(Context ctx) {
    String rawIndex = ctx.queryParam("map_index");
    int mapIndex;
    try {
      mapIndex = rawIndex == null ? -1 : Integer.parseInt(rawIndex);
    } catch (NumberFormatException e) {
      throw ExecutionJson.invalidParameter(
          "query", "map_index", "Input should be a valid integer", rawIndex);
    }
    return new XComPath(
        ctx.pathParam("dag_id"),
        ctx.pathParam("run_id"),
        ctx.pathParam("task_id"),
        mapIndex,
        ctx.pathParam("key"));
  }
}
