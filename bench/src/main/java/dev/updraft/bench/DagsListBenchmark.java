package dev.updraft.bench;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.dagsync.DagSync;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.web.api.PublicApi;
import dev.updraft.web.auth.Role;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of {@code GET /api/v2/dags} with 1,000 DAGs: the API server and public API in process on
 * a fresh database (H2, or PostgreSQL with {@code --db postgresql --url JDBC_URL} or a bare JDBC
 * URL), DAGs synced as the DAG processor would, half of them with runs; sequential requests over
 * HTTP after a warm-up, p50/p90/p99 per request shape.
 *
 * <p>Flags: {@code --dags N} (1000), {@code --requests N} (500 for the plain page, a fifth of that
 * for each filtered one), {@code --warmup N} (300).
 */
public final class DagsListBenchmark {
  private DagsListBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = "h2";
    String url = null;
    int dags = 1000;
    int requests = 500;
    int warmup = 300;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> database = args[++i];
        case "--url" -> url = args[++i];
        case "--dags" -> dags = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> {
          if (args[i].startsWith("jdbc:")) {
            database = "postgresql";
            url = args[i];
          } else {
            throw new IllegalArgumentException("unknown argument " + args[i]);
          }
        }
      }
    }
    Path home = Files.createTempDirectory("updraft-dags-list-bench");
    try (BenchDatabase bench = BenchDatabase.open(database, url, "dags-list")) {
      MetadataDatabase db = bench.db();
      long syncStart = System.nanoTime();
      seed(db, dags);
      System.out.printf(
          "%s: %d DAGs synced (and runs written) in %.1f s%n",
          database, dags, (System.nanoTime() - syncStart) / 1e9);
      SimpleAuthManager auth =
          SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bench:viewer"), home);
      String token = auth.issueToken(new SimpleUser("bench", Role.VIEWER));
      try (ApiServer server =
          ApiServer.builder(db, auth)
              .host("127.0.0.1")
              .port(0)
              .routes(PublicApi.builder(db, auth).build())
              .start()) {
        run(server.port(), token, dags, requests, warmup);
      }
    }
  }

  private static void seed(MetadataDatabase db, int count) {
    List<LoadedDag> loaded = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      DagBuilder dag =
          Dag.builder("dag_%04d".formatted(i))
              .schedule(i % 3 == 0 ? "@daily" : "0 * * * *")
              .startDate("2025-01-01")
              .tags("tag" + (i % 10), "team" + (i % 7))
              .owner("owner" + (i % 20))
              .description("generated DAG " + i);
      var first = dag.empty("start");
      first.then(dag.bash("work", "echo " + i)).then(dag.empty("end"));
      loaded.add(
          new LoadedDag(DagCompiler.compile(dag.build()), "/bench/dags-" + (i / 50) + ".jar", "b"));
    }
    new DagSync(db, false).sync(loaded, List.of());
    // Three runs for every other DAG, so last-run filters and sorts have rows to join.
    OffsetDateTime base = OffsetDateTime.of(2025, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    String[] states = {"success", "failed", "running"};
    db.inTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "INSERT INTO dag_run (dag_id, run_id, run_type, state, run_after, start_date,"
                      + " created_at, updated_at) VALUES (:dagId, :runId, 'scheduled', :state,"
                      + " :at, :at, :at, :at)");
          for (int i = 0; i < count; i += 2) {
            for (int r = 0; r < 3; r++) {
              batch
                  .bind("dagId", "dag_%04d".formatted(i))
                  .bind("runId", "run_" + r)
                  .bind("state", states[(i / 2 + r) % 3])
                  .bind("at", base.plusHours(r).plusMinutes(i))
                  .add();
            }
          }
          return batch.execute();
        });
  }

  private static void run(int port, String token, int dags, int requests, int warmup)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port + "/api/v2/dags";
    String first = get(http, base + "?limit=100", token);
    if (!first.contains("\"total_entries\":" + dags)) {
      throw new IllegalStateException("unexpected first page: " + first.substring(0, 200));
    }
    for (int i = 0; i < warmup; i++) {
      get(http, base + "?limit=100&offset=" + (i % 10) * 100, token);
    }
    Map<String, List<String>> shapes = new LinkedHashMap<>();
    List<String> plain = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      plain.add("?limit=100&offset=" + (i % 10) * 100);
    }
    shapes.put("limit=100 (offsets 0..900)", plain);
    int filtered = Math.max(requests / 5, 1);
    shapes.put(
        "tags=tag3&tags=team2&limit=100", repeat("?tags=tag3&tags=team2&limit=100", filtered));
    shapes.put(
        "dag_id_pattern=dag_01&paused=false",
        repeat("?dag_id_pattern=dag_01&paused=false", filtered));
    shapes.put(
        "owners=owner7&order_by=-next_dagrun",
        repeat("?owners=owner7&order_by=-next_dagrun&limit=100", filtered));
    shapes.put(
        "last_dag_run_state=success&order_by=-last_run_start_date",
        repeat("?last_dag_run_state=success&order_by=-last_run_start_date&limit=100", filtered));
    System.out.printf(
        "%-58s %6s %8s %8s %8s%n", "GET /api/v2/dags?…", "n", "p50 ms", "p90 ms", "p99 ms");
    for (Map.Entry<String, List<String>> shape : shapes.entrySet()) {
      long[] nanos = new long[shape.getValue().size()];
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        get(http, base + shape.getValue().get(i), token);
        nanos[i] = System.nanoTime() - start;
      }
      Percentiles p = Percentiles.ofNanos(nanos);
      System.out.printf(
          "%-58s %6d %8.2f %8.2f %8.2f%n",
          shape.getKey(), p.count(), p.p50(), p.percentile(90), p.p99());
    }
  }

  private static List<String> repeat(String query, int times) {
    return java.util.Collections.nCopies(times, query);
  }

  private static String get(HttpClient http, String url, String token) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
