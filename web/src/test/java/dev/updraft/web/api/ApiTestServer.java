package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.dagsync.DagSync;
import dev.updraft.scheduler.logs.TryLogPaths;
import dev.updraft.scheduler.loop.InProcessExecutor;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.scheduler.loop.LoopSettings;
import dev.updraft.scheduler.loop.SchedulingLoop;
import dev.updraft.scheduler.loop.TryLogSink;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.web.auth.Role;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public API on a real port over a fresh database, for the contract tests: users ada (admin),
 * otto (op), ulla (user) and vera (viewer); every response checked against the OpenAPI document the
 * server itself serves.
 */
final class ApiTestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final TestDatabases.TestDatabase database;
  private final SimpleAuthManager auth;
  private final ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SpecValidator spec;
  private volatile String neverRevealed;

  private final Map<String, CompiledDag> dags = new ConcurrentHashMap<>();
  private final Path logsRoot;
  private SchedulingLoop loop;
  private Thread loopThread;
  private volatile boolean stopping;

  private ApiTestServer(
      Dialect dialect, Path home, SecretCipher cipher, List<DagBuilder> dagBuilders)
      throws Exception {
    this(dialect, home, cipher, dagBuilders, settings -> settings);
  }

  private ApiTestServer(
      Dialect dialect,
      Path home,
      SecretCipher cipher,
      List<DagBuilder> dagBuilders,
      java.util.function.UnaryOperator<PublicApi.Builder> settings)
      throws Exception {
    database = TestDatabases.fresh(dialect);
    logsRoot = home.resolve("logs");
    List<LoadedDag> loaded = new ArrayList<>();
    for (DagBuilder builder : dagBuilders) {
      CompiledDag compiled = DagCompiler.compile(builder.build());
      dags.put(compiled.dagId(), compiled);
      loaded.add(new LoadedDag(compiled, home.resolve("dags.jar").toString(), "test.Dags"));
    }
    // Unpaused, as in standalone, so queued runs start.
    new DagSync(database.db(), false).sync(loaded, List.of());
    auth =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_USERS", "ada:admin,otto:op,ulla:user,vera:viewer"), home);
    server =
        ApiServer.builder(database.db(), auth)
            .host("127.0.0.1")
            .port(0)
            .routes(
                settings
                    .apply(
                        PublicApi.builder(database.db(), auth)
                            .cipher(cipher)
                            .dags(LoopDags.of(() -> dags))
                            .logs(logsRoot)
                            .afterChange(this::wakeLoop))
                    .build())
            .start();
    HttpResponse<String> served = send("GET", "/api/v2/openapi.json", null, null);
    assertThat(served.statusCode()).isEqualTo(200);
    spec = new SpecValidator(served.body());
  }

  /** Starts on {@code dialect}, with the users' passwords under {@code home}. */
  static ApiTestServer start(Dialect dialect, Path home) throws Exception {
    return start(dialect, home, SecretCipher.fromBase64Key(SecretCipher.generateKey()));
  }

  /** As {@link #start(Dialect, Path)}, connection secrets encrypted by {@code cipher}. */
  static ApiTestServer start(Dialect dialect, Path home, SecretCipher cipher) throws Exception {
    return new ApiTestServer(dialect, home, cipher, List.of());
  }

  /**
   * As {@link #start(Dialect, Path)}, with {@code dags} compiled, synced to the database (unpaused)
   * and known to the API; {@link #runUntilIdle()} or {@link #startLoop()} runs their queued runs in
   * process, each try's log under {@code home/logs}.
   */
  static ApiTestServer withDags(Dialect dialect, Path home, DagBuilder... dags) throws Exception {
    return new ApiTestServer(
        dialect, home, SecretCipher.fromBase64Key(SecretCipher.generateKey()), List.of(dags));
  }

  /** As {@link #start(Dialect, Path)}, the API's other settings changed by {@code settings}. */
  static ApiTestServer withSettings(
      Dialect dialect, Path home, java.util.function.UnaryOperator<PublicApi.Builder> settings)
      throws Exception {
    return new ApiTestServer(
        dialect, home, SecretCipher.fromBase64Key(SecretCipher.generateKey()), List.of(), settings);
  }

  /** The port the server listens on. */
  int port() {
    return server.port();
  }

  /** Checks an already-sent response against the spec, as {@link #call} does. */
  void assertConforms(String method, String path, HttpResponse<String> response) {
    spec.assertConforms(method, path, response);
  }

  /** Where the try logs are written. */
  Path logsRoot() {
    return logsRoot;
  }

  /** Runs the scheduling loop in this thread until no run is queued or running. */
  void runUntilIdle() {
    assertThat(loop().runUntilIdle(Duration.ofSeconds(30))).as("runs finish in 30 s").isTrue();
  }

  /** Runs the scheduling loop in the background until {@link #close()}; woken by API changes. */
  void startLoop() {
    SchedulingLoop started = loop();
    loopThread = new Thread(() -> started.runUntil(() -> stopping, e -> {}), "api-test-loop");
    loopThread.start();
  }

  private synchronized SchedulingLoop loop() {
    if (loop == null) {
      TryLogPaths paths = new TryLogPaths(logsRoot);
      InProcessExecutor executor =
          new InProcessExecutor(
              database.db(),
              LoopDags.of(() -> dags),
              logsRoot.resolveSibling("artifacts"),
              4,
              TryLogSink.files(
                  t -> paths.logFile(t.dagId(), t.runId(), t.taskId(), -1, t.tryNumber())),
              InProcessExecutor.DEFAULT_HEARTBEAT,
              Clock.systemUTC());
      loop =
          new SchedulingLoop(
              database.db(),
              LoopDags.of(() -> dags),
              executor,
              new LoopSettings(16, Duration.ofMillis(20)),
              Clock.systemUTC());
    }
    return loop;
  }

  private void wakeLoop() {
    SchedulingLoop current = loop;
    if (current != null) {
      current.wakeup().signal();
    }
  }

  /** From now on {@link #call} also asserts that no response contains {@code secret}. */
  ApiTestServer neverRevealing(String secret) {
    this.neverRevealed = secret;
    return this;
  }

  MetadataDatabase db() {
    return database.db();
  }

  String token(String name, Role role) {
    return auth.issueToken(new SimpleUser(name, role));
  }

  /** A token of otto, who may change pools, variables and connections. */
  String op() {
    return token("otto", Role.OP);
  }

  /** A token of vera, who may only read. */
  String viewer() {
    return token("vera", Role.VIEWER);
  }

  /** A token of ulla, who may trigger, clear and mark runs and change DAGs. */
  String user() {
    return token("ulla", Role.USER);
  }

  /** A token of ada, the admin. */
  String admin() {
    return token("ada", Role.ADMIN);
  }

  /** The text of {@code field} in each element of {@code collection}'s {@code array}, in order. */
  static List<String> texts(JsonNode collection, String array, String field) {
    List<String> texts = new ArrayList<>();
    collection.path(array).forEach(element -> texts.add(element.path(field).asText()));
    return texts;
  }

  /** Asserts that {@code path} answers 401 without a token and 403 with one that is not valid. */
  void refusesWithoutValidToken(String method, String path) throws Exception {
    call(401, method, path, null, null);
    call(403, method, path, "not-a-token", null);
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As {@link #send(String, String, String, String)}, with an {@code Accept} header. */
  HttpResponse<String> sendAccepting(String accept, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", accept)
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A GET whose body is read line by line as it arrives: returns once the response's head is in,
   * before the server has necessarily finished the body.
   */
  HttpResponse<java.util.stream.Stream<String>> streamLines(
      String accept, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Accept", accept)
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
  }

  /** Sends, asserts the status and that the response conforms to the spec, returns the body. */
  JsonNode call(int status, String method, String path, String token, String body)
      throws Exception {
    HttpResponse<String> response = send(method, path, token, body);
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isEqualTo(status);
    spec.assertConforms(method, path, response);
    if (neverRevealed != null) {
      assertThat(response.body()).doesNotContain(neverRevealed);
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  /**
   * Sends a GET whose body is read line by line as it arrives (for NDJSON streams); returns once
   * the headers are in.
   */
  HttpResponse<java.util.stream.Stream<String>> streamLines(String path, String token)
      throws Exception {
    return streamLines("application/x-ndjson", path, token);
  }

  @Override
  public void close() {
    stopping = true;
    try {
      if (loopThread != null) {
        loop.wakeup().signal();
        loopThread.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      server.close();
    } finally {
      database.close();
    }
  }
}
