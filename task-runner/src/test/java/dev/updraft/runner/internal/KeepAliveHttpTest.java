package dev.updraft.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner's HTTP/1.1 transport against the JDK's own HTTP server on a real port. */
class KeepAliveHttpTest {
  private HttpServer server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final KeepAliveHttp http = new KeepAliveHttp(Duration.ofSeconds(5));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/echo",
        exchange ->
            respond(
                exchange,
                200,
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Authorization")
                    + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                false));
    server.createContext("/chunked", exchange -> respond(exchange, 200, "x".repeat(5000), true));
    server.createContext("/empty", exchange -> respond(exchange, 204, null, false));
    server.createContext(
        "/missing", exchange -> respond(exchange, 404, "{\"detail\":\"no\"}", false));
    server.start();
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop(0);
  }

  private void respond(HttpExchange exchange, int status, String body, boolean chunked)
      throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    // Length 0 makes the JDK server send the body chunked.
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void sendsMethodHeadersAndBodyAndReusesOneConnection() throws IOException {
    KeepAliveHttp.Response first =
        http.exchange("PATCH", uri("/echo"), Map.of("Authorization", "Bearer t"), "{\"a\":1}");
    KeepAliveHttp.Response second = http.exchange("GET", uri("/echo"), Map.of(), null);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("PATCH Bearer t {\"a\":1}");
    assertThat(second.body()).isEqualTo("GET null ");
    assertThat(clientPorts).as("both requests on one kept-alive connection").hasSize(1);
  }

  @Test
  void readsChunkedEmptyAndErrorAnswers() throws IOException {
    assertThat(http.exchange("GET", uri("/chunked"), Map.of(), null).body())
        .hasSize(5000)
        .matches("x+");
    KeepAliveHttp.Response empty = http.exchange("PUT", uri("/empty"), Map.of(), "{}");
    assertThat(empty.status()).isEqualTo(204);
    assertThat(empty.body()).isEmpty();
    KeepAliveHttp.Response missing = http.exchange("GET", uri("/missing"), Map.of(), null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("detail");
  }

  @Test
  void reconnectsAfterTheServerIsGoneAndBack() throws IOException {
    http.exchange("GET", uri("/echo"), Map.of(), null);
    int port = server.getAddress().getPort();
    server.stop(0);
    assertThatThrownBy(() -> http.exchange("GET", uri("/echo"), Map.of(), null))
        .isInstanceOf(IOException.class);

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/echo", exchange -> respond(exchange, 200, "back", false));
    server.start();
    assertThat(http.exchange("GET", uri("/echo"), Map.of(), null).body()).isEqualTo("back");
  }

  @Test
  void refusesHttps() {
    assertThatThrownBy(
            () -> http.exchange("GET", URI.create("https://127.0.0.1:1/x"), Map.of(), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("only plain http");
  }
}
