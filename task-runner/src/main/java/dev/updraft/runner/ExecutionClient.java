package dev.updraft.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.runner.internal.KeepAliveHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The task runner's side of the Task Execution API: JSON over HTTP with the try's bearer token.
 * Every method throws {@link ApiError} for an answer outside 2xx.
 */
public final class ExecutionClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final KeepAliveHttp plainHttp;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String baseUrl;
  private final String token;
  private final UUID taskInstanceId;

  /**
   * @param http shared between tries (its connections are reused)
   * @param baseUrl the API's URL, e.g. {@code http://host:8080/execution}
   */
  public ExecutionClient(HttpClient http, String baseUrl, String token, UUID taskInstanceId) {
    this(http, null, baseUrl, token, taskInstanceId);
  }

  /**
   * @param plainHttp used instead of {@code http} for a plain {@code http://} base URL (one
   *     kept-alive socket, no thread hand-offs), or {@code null}
   */
  public ExecutionClient(
      HttpClient http, KeepAliveHttp plainHttp, String baseUrl, String token, UUID taskInstanceId) {
    this.http = http;
    this.plainHttp = plainHttp;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
    this.taskInstanceId = taskInstanceId;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** {@code PATCH /task-instances/{id}/run}: the run context. */
  public JsonNode run(String hostname, String unixname, long pid, String startDate) {
    ObjectNode body = mapper.createObjectNode();
    body.put("state", "running");
    body.put("hostname", hostname);
    body.put("unixname", unixname);
    body.put("pid", pid);
    body.put("start_date", startDate);
    return send("PATCH", ti("run"), body).orElseThrow();
  }

  /** {@code PUT /task-instances/{id}/heartbeat}. */
  public void heartbeat(String hostname, long pid) {
    ObjectNode body = mapper.createObjectNode();
    body.put("hostname", hostname);
    body.put("pid", pid);
    send("PUT", ti("heartbeat"), body);
  }

  /** {@code PATCH /task-instances/{id}/state}. */
  public void finish(String state, String endDate) {
    ObjectNode body = mapper.createObjectNode();
    body.put("state", state);
    body.put("end_date", endDate);
    send("PATCH", ti("state"), body);
  }

  /** {@code PUT /task-instances/{id}/rtif}. */
  public void renderedFields(java.util.Map<String, String> fields) {
    send("PUT", ti("rtif"), mapper.valueToTree(fields));
  }

  /** {@code PATCH /task-instances/{id}/skip-downstream}. */
  public void skipDownstream(java.util.Collection<String> taskIds) {
    ObjectNode body = mapper.createObjectNode();
    body.set("tasks", mapper.valueToTree(taskIds));
    send("PATCH", ti("skip-downstream"), body);
  }

  /** {@code GET /xcoms/{dag}/{run}/{task}/{key}}: the value, empty on 404. */
  public Optional<JsonNode> getXCom(String dagId, String runId, String taskId, String key) {
    try {
      return send("GET", xcom(dagId, runId, taskId, key), null).map(node -> node.get("value"));
    } catch (ApiError e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code POST /xcoms/{dag}/{run}/{task}/{key}}. */
  public void setXCom(String dagId, String runId, String taskId, String key, JsonNode value) {
    send("POST", xcom(dagId, runId, taskId, key), value);
  }

  /** {@code GET /variables/{key}}: the variable's value as stored, empty on 404. */
  public Optional<String> getVariable(String key) {
    return getOrEmpty("/variables/" + encode(key)).map(node -> node.path("value").asText(null));
  }

  /** {@code GET /connections/{connection_id}}: the connection (snake_case fields), empty on 404. */
  public Optional<JsonNode> getConnection(String connId) {
    return getOrEmpty("/connections/" + encode(connId));
  }

  private Optional<JsonNode> getOrEmpty(String path) {
    try {
      return send("GET", path, null);
    } catch (ApiError e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A request to {@code path} (under the base URL); the answer's JSON, if it has a body. */
  public Optional<JsonNode> send(String method, String path, JsonNode body) {
    int status;
    String text;
    try {
      if (plainHttp != null && baseUrl.startsWith("http://")) {
        KeepAliveHttp.Response response =
            plainHttp.exchange(
                method,
                URI.create(baseUrl + path),
                Map.of(
                    "Authorization", "Bearer " + token,
                    "Content-Type", "application/json",
                    "Accept", "application/json"),
                body == null ? null : body.toString());
        status = response.status();
        text = response.body();
      } else {
        HttpResponse<String> response = viaHttpClient(method, path, body);
        status = response.statusCode();
        text = response.body();
      }
    } catch (IOException e) {
      throw new ApiError(0, method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(0, method + " " + path + " interrupted", e);
    }
    if (status / 100 != 2) {
      throw new ApiError(status, method + " " + path + " answered " + status + ": " + text, null);
    }
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.readTree(text));
    } catch (IOException e) {
      throw new ApiError(status, "not JSON: " + text, e);
    }
  }

  private HttpResponse<String> viaHttpClient(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String ti(String action) {
    return "/task-instances/" + taskInstanceId + "/" + action;
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String xcom(String dagId, String runId, String taskId, String key) {
    return "/xcoms/"
        + encode(dagId)
        + "/"
        + encode(runId)
        + "/"
        + encode(taskId)
        + "/"
        + encode(key);
  }

  /** An answer outside 2xx, or no answer ({@code status} 0). */
  public static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiError(int status, String message, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
