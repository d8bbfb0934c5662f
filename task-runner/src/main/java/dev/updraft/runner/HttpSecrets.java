package dev.updraft.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.sdk.Connection;
import dev.updraft.sdk.internal.run.Secrets;
import java.util.Optional;

/** Variables and connections through the execution API, read when the task asks. */
public final class HttpSecrets implements Secrets {
  private final ExecutionClient client;

  public HttpSecrets(ExecutionClient client) {
    this.client = client;
  }

  @Override
  public Optional<String> variable(String key) {
    return client.getVariable(key);
  }

  @Override
  public Optional<Connection> connection(String connId) {
    return client
        .getConnection(connId)
        .map(
            c ->
                new Connection(
                    text(c, "conn_id"),
                    text(c, "conn_type"),
                    text(c, "host"),
                    text(c, "schema"),
                    text(c, "login"),
                    text(c, "password"),
                    c.path("port").isNumber() ? c.get("port").asInt() : null,
                    text(c, "extra")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
