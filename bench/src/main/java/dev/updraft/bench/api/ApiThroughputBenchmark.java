package dev.updraft.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.bench.Percentiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Triggers DAG runs through {@code POST /api/v2/dags/{dag_id}/dagRuns} of a running server at a
 * fixed rate, as a client would, and reports how long each took from the trigger request to
 * success. A run's success time is its {@code end_date} as the API reports it (the server stamps it
 * when it marks the run done); server and harness share this machine's clock, so the figure is
 * trigger-sent → run-succeeded with no polling delay added.
 *
 * <p>Arguments: {@code --url BASE --user NAME --password PW --dag-id ID --per-minute N --minutes M
 * [--warmup-minutes W]}; a warm-up runs first at the same rate and is reported separately.
 */
public final class ApiThroughputBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String dagId;
  private String token;

  private ApiThroughputBenchmark(String base, String dagId) {
    this.base = base;
    this.dagId = dagId;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    ApiThroughputBenchmark bench =
        new ApiThroughputBenchmark(options.get("url"), options.get("dag-id"));
    bench.login(options.get("user"), options.get("password"));
    int perMinute = Integer.parseInt(options.getOrDefault("per-minute", "1000"));
    double minutes = Double.parseDouble(options.getOrDefault("minutes", "5"));
    double warmupMinutes = Double.parseDouble(options.getOrDefault("warmup-minutes", "0"));
    if (warmupMinutes > 0) {
      // Same rate, reported on its own: the JIT of the server and its runner JVMs settles here.
      System.out.println("Warm-up (not part of the measured figures):");
      bench.run(perMinute, warmupMinutes);
      System.out.println();
      System.out.println("Measured:");
    }
    bench.run(perMinute, minutes);
  }

  private void login(String user, String password) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("username", user, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("login failed: " + response.body());
    }
    token = JSON.readTree(response.body()).get("access_token").asText();
  }

  private void run(int perMinute, double minutes) throws Exception {
    long intervalNanos = 60_000_000_000L / perMinute;
    int total = (int) Math.round(perMinute * minutes);
    Map<String, Long> sentAtMillis = new ConcurrentHashMap<>();
    long[] triggerNanos = new long[total];
    AtomicInteger failures = new AtomicInteger();
    String prefix = "bench_" + Long.toString(System.currentTimeMillis(), 36) + "_";
    System.out.printf(
        Locale.ROOT,
        "Triggering %d runs of %s at %d/min (one every %.1f ms) against %s%n",
        total,
        dagId,
        perMinute,
        intervalNanos / 1e6,
        base);
    // Requests go out on schedule even when one is slow: a client pool, not a closed loop.
    ExecutorService clients = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int index = i;
      String runId = prefix + i;
      clients.submit(
          () -> {
            long sentMillis = System.currentTimeMillis();
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> response = trigger(runId, index);
              triggerNanos[index] = System.nanoTime() - t0;
              if (response.statusCode() == 200) {
                sentAtMillis.put(runId, sentMillis);
              } else {
                failures.incrementAndGet();
                System.err.println("trigger " + runId + ": " + response.statusCode());
              }
            } catch (Exception e) {
              failures.incrementAndGet();
              System.err.println("trigger " + runId + ": " + e);
            }
          });
      if (i > 0 && i % perMinute == 0) {
        System.out.printf(Locale.ROOT, "  %d triggered%n", i);
      }
    }
    clients.shutdown();
    clients.awaitTermination(1, TimeUnit.MINUTES);
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, JsonNode> runs = awaitFinished(prefix, sentAtMillis.size());
    report(sentAtMillis, runs, triggerNanos, failures.get(), total, sendSeconds);
  }

  private HttpResponse<String> trigger(String runId, int index)
      throws IOException, InterruptedException {
    Map<String, Object> body = new HashMap<>();
    body.put("dag_run_id", runId);
    body.put("logical_date", null);
    body.put("conf", Map.of("index", index));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v2/dags/" + dagId + "/dagRuns"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Pages through the DAG's runs until every triggered one has finished (or 2 minutes pass). */
  private Map<String, JsonNode> awaitFinished(String prefix, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      Map<String, JsonNode> runs = new HashMap<>();
      int offset = 0;
      while (true) {
        JsonNode page =
            get(
                "/api/v2/dags/"
                    + dagId
                    + "/dagRuns?limit=100&order_by=id&offset="
                    + offset
                    + "&run_id_pattern="
                    + prefix);
        for (JsonNode run : page.get("dag_runs")) {
          runs.put(run.get("dag_run_id").asText(), run);
        }
        offset += 100;
        if (offset >= page.get("total_entries").asInt()) {
          break;
        }
      }
      long unfinished =
          runs.values().stream()
              .filter(r -> !List.of("success", "failed").contains(r.get("state").asText()))
              .count();
      if ((runs.size() >= expected && unfinished == 0) || System.nanoTime() > deadline) {
        return runs;
      }
      Thread.sleep(1000);
    }
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  private static void report(
      Map<String, Long> sentAtMillis,
      Map<String, JsonNode> runs,
      long[] triggerNanos,
      int failures,
      int total,
      double sendSeconds) {
    Map<String, Integer> states = new TreeMap<>();
    List<Double> latencies = new ArrayList<>();
    for (Map.Entry<String, Long> sent : sentAtMillis.entrySet()) {
      JsonNode run = runs.get(sent.getKey());
      String state = run == null ? "missing" : run.get("state").asText();
      states.merge(state, 1, Integer::sum);
      if ("success".equals(state) && !run.get("end_date").isNull()) {
        long end = Instant.parse(run.get("end_date").asText()).toEpochMilli();
        latencies.add((double) (end - sent.getValue()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Sent %d triggers in %.1f s (%.0f/min); failed requests: %d; run states: %s%n",
        total,
        sendSeconds,
        total / sendSeconds * 60,
        failures,
        states);
    Percentiles trigger = Percentiles.ofNanos(triggerNanos);
    System.out.printf(
        Locale.ROOT,
        "POST dagRuns response: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        trigger.p50(),
        trigger.p99(),
        trigger.max());
    if (latencies.isEmpty()) {
      System.out.println("No run succeeded.");
      return;
    }
    Percentiles done =
        Percentiles.ofMillis(latencies.stream().mapToDouble(Double::doubleValue).toArray());
    System.out.printf(
        Locale.ROOT,
        "trigger -> success (%d runs): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        latencies.size(),
        done.p50(),
        done.percentile(90),
        done.p99(),
        done.max());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    for (String required : List.of("url", "user", "password", "dag-id")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing --" + required);
      }
    }
    return options;
  }
}
