package dev.updraft.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.runner.internal.RemoteArtifact;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import dev.updraft.sdk.internal.run.ArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Records component executions and artifacts through Updraft's {@code /execution/artifacts} routes.
 * The server scopes them to the try's DAG and run, so the ids passed here only have to agree with
 * the token's try. Artifacts read back become instances of the class known for their type name (see
 * {@link ArtifactClasses}), else {@link RemoteArtifact}s that keep the name.
 */
public final class HttpArtifactStore implements ArtifactStore {
  private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};

  private final ExecutionClient client;
  private final ArtifactClasses classes;
  private volatile Path root;

  public HttpArtifactStore(ExecutionClient client, ArtifactClasses classes) {
    this.client = client;
    this.classes = classes;
  }

  @Override
  public Path artifactRoot() {
    Path known = root;
    if (known == null) {
      JsonNode answer = client.send("GET", "/artifacts/root", null).orElseThrow();
      known = Path.of(answer.get("artifact_root").asText());
      root = known;
    }
    return known;
  }

  @Override
  public long beginExecution(
      ExecutionKey key, Map<String, List<Artifact>> inputs, Map<String, Object> parameters) {
    ObjectNode body = client.mapper().createObjectNode();
    body.put("component_type", key.componentType());
    body.set("inputs", toJson(inputs));
    body.set("parameters", client.mapper().valueToTree(parameters));
    JsonNode answer = client.send("POST", "/artifacts/executions", body).orElseThrow();
    copyBack(inputs, answer.get("inputs"));
    return answer.get("execution_id").asLong();
  }

  @Override
  public void publishOutputs(long executionId, Map<String, List<Artifact>> outputs) {
    ObjectNode body = client.mapper().createObjectNode();
    body.set("outputs", toJson(outputs));
    JsonNode answer =
        client
            .send("POST", "/artifacts/executions/" + executionId + "/publish", body)
            .orElseThrow();
    copyBack(outputs, answer.get("outputs"));
  }

  @Override
  public void failExecution(long executionId, String reason) {
    ObjectNode body = client.mapper().createObjectNode();
    body.put("reason", reason);
    client.send("POST", "/artifacts/executions/" + executionId + "/fail", body);
  }

  @Override
  public List<Artifact> outputsOf(String dagId, String runId, String taskId, String outputKey) {
    JsonNode answer =
        client
            .send(
                "GET",
                "/artifacts/outputs/"
                    + ExecutionClient.encode(taskId)
                    + "/"
                    + ExecutionClient.encode(outputKey),
                null)
            .orElseThrow();
    List<Artifact> artifacts = new ArrayList<>();
    answer.get("artifacts").forEach(json -> artifacts.add(fromJson(json, Artifact.class)));
    return artifacts;
  }

  @Override
  public <T extends Artifact> List<T> latest(String dagId, Class<T> type, int limit) {
    classes.register(type);
    JsonNode answer =
        client
            .send(
                "GET",
                "/artifacts/latest/"
                    + ExecutionClient.encode(Artifact.typeName(type))
                    + "?limit="
                    + limit,
                null)
            .orElseThrow();
    List<T> artifacts = new ArrayList<>();
    answer.get("artifacts").forEach(json -> artifacts.add(fromJson(json, type)));
    return artifacts;
  }

  @Override
  public <T extends Artifact> T registerExternal(
      String dagId, Class<T> type, String uri, Map<String, Object> properties) {
    classes.register(type);
    ObjectNode body = client.mapper().createObjectNode();
    body.put("type", Artifact.typeName(type));
    body.put("uri", uri);
    body.set("properties", client.mapper().valueToTree(properties));
    return fromJson(client.send("POST", "/artifacts/external", body).orElseThrow(), type);
  }

  private ObjectNode toJson(Map<String, List<Artifact>> byKey) {
    ObjectNode json = client.mapper().createObjectNode();
    byKey.forEach(
        (key, list) -> {
          ArrayNode array = json.putArray(key);
          list.forEach(artifact -> array.add(toJson(artifact)));
        });
    return json;
  }

  private ObjectNode toJson(Artifact artifact) {
    ObjectNode json = client.mapper().createObjectNode();
    if (artifact.id() != null) {
      json.put("id", artifact.id());
    }
    json.put("type", RemoteArtifact.typeNameOf(artifact));
    json.put("uri", artifact.uri());
    json.put("state", artifact.state().name());
    json.set("properties", client.mapper().valueToTree(artifact.properties()));
    return json;
  }

  private <T extends Artifact> T fromJson(JsonNode json, Class<T> wanted) {
    Artifact artifact = classes.newArtifact(json.get("type").asText(), wanted);
    if (json.hasNonNull("id")) {
      artifact.setId(json.get("id").asLong());
    }
    artifact.setUri(json.path("uri").asText(null));
    artifact.setState(ArtifactState.valueOf(json.get("state").asText()));
    if (json.hasNonNull("properties")) {
      client
          .mapper()
          .convertValue(json.get("properties"), PROPERTIES)
          .forEach(artifact::setProperty);
    }
    return wanted.cast(artifact);
  }

  /** Gives the caller's objects the ids and states the server recorded them with. */
  private static void copyBack(Map<String, List<Artifact>> artifacts, JsonNode recorded) {
    if (recorded == null) {
      return;
    }
    artifacts.forEach(
        (key, list) -> {
          Iterator<JsonNode> it = recorded.path(key).iterator();
          for (Artifact artifact : list) {
            if (!it.hasNext()) {
              return;
            }
            JsonNode json = it.next();
            if (json.hasNonNull("id")) {
              artifact.setId(json.get("id").asLong());
            }
            artifact.setState(ArtifactState.valueOf(json.get("state").asText()));
          }
        });
  }
}
