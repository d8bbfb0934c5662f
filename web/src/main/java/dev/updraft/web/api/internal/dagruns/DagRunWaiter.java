package dev.updraft.web.api.internal.dagruns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.web.server.internal.JsonResponses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow's {@code DagRunWaiter}: writes the run's state as one JSON line now and after each
 * interval until the run has finished; the last line also carries {@code results}, the return
 * values of the requested tasks that have one.
 */
final class DagRunWaiter {
  private final DagRunRepository runs;
  private final XComRepository xcoms;

  DagRunWaiter(DagRunRepository runs, XComRepository xcoms) {
    this.runs = runs;
    this.xcoms = xcoms;
  }

  /**
   * Streams to {@code out}, flushing each line so the client sees it at once.
   *
   * @param resultTaskIds the tasks whose return values to collect; none without {@code result}
   *     (Airflow's default then is the tasks marked as DAG results, which Updraft DAGs have none
   *     of)
   */
  void wait(
      String dagId, String runId, Duration interval, List<String> resultTaskIds, OutputStream out)
      throws IOException, InterruptedException {
    while (true) {
      Optional<DagRunRecord> run = runs.find(dagId, runId);
      if (run.isEmpty()) {
        // Deleted while watched: nothing more will change.
        return;
      }
      DagRunState state = run.get().state();
      boolean finished = state == DagRunState.SUCCESS || state == DagRunState.FAILED;
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("state", state.value());
      if (finished) {
        Map<String, Object> results = results(dagId, runId, resultTaskIds);
        if (!results.isEmpty()) {
          line.put("results", results);
        }
      }
      out.write(JsonResponses.mapper().writeValueAsBytes(line));
      out.write("\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (finished) {
        return;
      }
      Thread.sleep(interval);
    }
  }

  private Map<String, Object> results(String dagId, String runId, List<String> taskIds) {
    Map<String, Object> results = new LinkedHashMap<>();
    for (String taskId : taskIds.stream().distinct().sorted().toList()) {
      xcoms
          .pull(dagId, runId, taskId, XComRepository.RETURN_VALUE)
          .ifPresent(json -> results.put(taskId, parse(json)));
    }
    return results;
  }

  private static Object parse(String json) {
    try {
      JsonNode node = JsonResponses.mapper().readTree(json);
      return node;
    } catch (IOException e) {
      return json;
    }
  }
}
