package dev.updraft.web.api.internal.dags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.SerializedDag;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.server.internal.JsonResponses;

/** The latest serialized form of a DAG, or Airflow's 404 when it was never parsed. */
final class DagLookup {
  private DagLookup() {}

  static JsonNode serialized(DagRepository dags, String dagId) {
    SerializedDag row = dags.serialized(dagId).orElseThrow(() -> notFound(dagId));
    try {
      return JsonResponses.mapper().readTree(row.data());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("serialized DAG " + dagId + " is not JSON", e);
    }
  }

  static ApiException notFound(String dagId) {
    return new ApiException(404, "The Dag with ID: `" + dagId + "` was not found");
  }
}
