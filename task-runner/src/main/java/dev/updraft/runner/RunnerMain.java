package dev.updraft.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.runner.internal.DagSourceCache;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.sdk.internal.run.InMemoryArtifactStore;
import dev.updraft.sdk.internal.run.InMemoryXComStore;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.TaskTryRunner;
import dev.updraft.sdk.internal.template.TemplateRenderer;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A task runner process: reads assignments, one JSON line each, from stdin and runs them one after
 * another, each with {@code System.out} and {@code System.err} sent to the try's log file. It
 * answers on its original stdout, the control channel, with lines starting {@value #CONTROL}:
 * {@code {"event":"ready"}} once warmed up, then {@code {"event":"done",…}} per try (see {@link
 * TryResult}). It ends when stdin closes, so one line piped in runs one try.
 */
public final class RunnerMain {
  /** The prefix of control lines; anything else on the channel is ignored by the executor. */
  public static final String CONTROL = "@updraft ";

  private final PrintStream control;
  private final ObjectMapper mapper = new ObjectMapper();
  private final TryRun tries;

  private RunnerMain(PrintStream control) {
    this.control = control;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.tries =
        new TryRun(http, new DagSourceCache(RunnerMain.class.getClassLoader()), hostname());
  }

  public static void main(String[] args) throws IOException {
    PrintStream control =
        new PrintStream(
            new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    // Between tries, stray output goes to stderr, never onto the control channel.
    System.setOut(System.err);
    RunnerMain runner = new RunnerMain(control);
    warmUp(runner.tries, args.length > 0 ? args[0] : null);
    runner.send(runner.mapper.createObjectNode().put("event", "ready"));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        runner.serve(line);
      }
    }
  }

  private void serve(String line) throws IOException {
    JsonNode json = mapper.readTree(line);
    if (json.has("preload")) {
      // A DAG source the next tries will likely need: loaded now, while this runner is idle.
      tries.preload(Path.of(json.get("preload").asText()));
      return;
    }
    Assignment job = parse(json);
    Files.createDirectories(job.logFile().toAbsolutePath().getParent());
    PrintStream out = System.out;
    PrintStream err = System.err;
    TryResult result;
    try (PrintStream log =
        new PrintStream(
            new FileOutputStream(job.logFile().toFile(), true), true, StandardCharsets.UTF_8)) {
      System.setOut(log);
      System.setErr(log);
      log.println("[updraft] runner pid " + ProcessHandle.current().pid() + " starts " + job);
      long start = System.nanoTime();
      try {
        result = tries.run(job, log, abandoned -> done(job, abandoned));
      } catch (RuntimeException e) {
        log.println("[updraft] the runner failed: " + e);
        result = new TryResult(false, true, String.valueOf(e));
      }
      log.println(
          "[updraft] runner ends "
              + job
              + " after "
              + (System.nanoTime() - start) / 1_000_000
              + " ms: "
              + result.message());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    done(job, result);
  }

  /** Sends a try's result once: the heartbeat thread may have sent one already. */
  private final java.util.Set<UUID> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private void done(Assignment job, TryResult result) {
    if (!finished.add(job.taskInstanceId())) {
      return;
    }
    ObjectNode event = mapper.createObjectNode();
    event.put("event", "done");
    event.put("task_instance_id", job.taskInstanceId().toString());
    event.put("try_number", job.tryNumber());
    event.put("reported", result.reported());
    event.put("recycle", result.recycle());
    event.put("message", result.message());
    send(event);
  }

  private synchronized void send(ObjectNode event) {
    control.println(CONTROL + event);
  }

  private static Assignment parse(JsonNode json) {
    return new Assignment(
        UUID.fromString(json.get("task_instance_id").asText()),
        json.get("dag_id").asText(),
        json.get("run_id").asText(),
        json.get("task_id").asText(),
        json.get("try_number").asInt(),
        json.get("token").asText(),
        json.get("api_url").asText(),
        Path.of(json.get("dag_source").asText()),
        Path.of(json.get("log_file").asText()),
        Math.max(100, json.path("heartbeat_millis").asLong(Assignment.DEFAULT_HEARTBEAT_MILLIS)));
  }

  /**
   * Loads and runs the code every try uses (a DAG compiled and a templated task run, JSON, an HTTP
   * request to the API), so a warm runner's first try is fast too.
   */
  private static void warmUp(TryRun tries, String apiUrl) {
    DagBuilder builder = Dag.builder("updraft-warm-up");
    builder.task("render", () -> Json.write(Map.of("a", 1, "b", java.util.List.of("x", 2.5))));
    CompiledDag dag = DagCompiler.compile(builder.build());
    Instant date = Instant.parse("2025-01-01T00:00:00Z");
    RunInfo run = new RunInfo("warm-up", "manual", date, date, date, Map.of(), Map.of());
    try (TaskTryRunner runner =
            new TaskTryRunner(
                new InMemoryXComStore(),
                new InMemoryArtifactStore(Path.of(System.getProperty("java.io.tmpdir"))));
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream())) {
      runner.run(dag, "render", run, 1, quiet);
      TemplateRenderer.render("{{ ds }} {{ params.x | default('y') }}", Map.of("ds", "2025-01-01"));
    }
    if (apiUrl != null) {
      tries.ping(apiUrl);
    }
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
