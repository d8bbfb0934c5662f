package dev.updraft.bench.scheduler;

import java.time.Duration;
import java.util.List;

/**
 * The scheduler benchmark's flags.
 *
 * @param database {@code h2} or {@code postgresql}
 * @param url the PostgreSQL JDBC URL (null for H2)
 * @param runs measured runs of the sequential DAG
 * @param sequentialTasks tasks in the sequential DAG, each sleeping 10 ms
 * @param wideTasks independent no-op tasks in the wide DAG
 * @param chainTasks no-op tasks in the chain whose task-to-task latency is measured
 * @param threads executor threads
 * @param parallelism the loop's parallelism
 * @param pollInterval the loop's poll interval
 */
record SchedulerBenchmarkOptions(
    String database,
    String url,
    int runs,
    int sequentialTasks,
    int wideTasks,
    int chainTasks,
    int threads,
    int parallelism,
    Duration pollInterval) {

  static SchedulerBenchmarkOptions parse(List<String> args) {
    String database = null;
    String url = null;
    int runs = 5;
    int sequential = 40;
    int wide = 10_000;
    int chain = 200;
    int threads = 32;
    int parallelism = 32;
    long pollMillis = 50;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args.get(++i);
      switch (flag) {
        case "--db" -> database = value;
        case "--url" -> url = value;
        case "--runs" -> runs = positive(flag, value);
        case "--sequential-tasks" -> sequential = positive(flag, value);
        case "--wide-tasks" -> wide = positive(flag, value);
        case "--chain-tasks" -> chain = positive(flag, value);
        case "--threads" -> threads = positive(flag, value);
        case "--parallelism" -> parallelism = positive(flag, value);
        case "--poll-ms" -> pollMillis = positive(flag, value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (database == null || !List.of("h2", "postgresql").contains(database)) {
      throw new IllegalArgumentException("--db h2|postgresql is required");
    }
    if (database.equals("postgresql") && url == null) {
      throw new IllegalArgumentException("--url is required for PostgreSQL");
    }
    if (chain < 2) {
      throw new IllegalArgumentException("--chain-tasks must be at least 2");
    }
    return new SchedulerBenchmarkOptions(
        database,
        url,
        runs,
        sequential,
        wide,
        chain,
        threads,
        parallelism,
        Duration.ofMillis(pollMillis));
  }

  private static int positive(String flag, String value) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, got " + value, e);
    }
    if (parsed < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
    }
    return parsed;
  }
}
