package dev.updraft.bench.metadata;

import java.util.List;

/**
 * The metadata benchmark's settings, from its command line.
 *
 * @param database {@code h2} (a temporary file database) or {@code postgresql}
 * @param url the PostgreSQL JDBC URL (a fresh schema is made in it and dropped afterwards)
 * @param executions how many executions to record and time
 * @param threads how many threads record executions in the concurrent round
 * @param artifacts how many artifacts the store holds for the query timings
 * @param queries how many times each query is timed
 */
record MetadataBenchmarkOptions(
    String database, String url, int executions, int threads, int artifacts, int queries) {

  static final String USAGE =
      "usage: MetadataBenchmark --db h2|postgresql [--url JDBC_URL] [--executions N (5000)]"
          + " [--threads N (8)] [--artifacts N (100000)] [--queries N (2000)]";

  MetadataBenchmarkOptions {
    if (!database.equals("h2") && !database.equals("postgresql")) {
      throw new IllegalArgumentException("--db must be h2 or postgresql\n" + USAGE);
    }
    if (database.equals("postgresql") && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("--db postgresql needs --url\n" + USAGE);
    }
    if (executions < 1 || threads < 1 || artifacts < 1 || queries < 1) {
      throw new IllegalArgumentException("every count must be at least 1\n" + USAGE);
    }
  }

  static MetadataBenchmarkOptions parse(List<String> args) {
    String database = null;
    String url = null;
    int executions = 5000;
    int threads = 8;
    int artifacts = 100_000;
    int queries = 2000;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value for " + flag + "\n" + USAGE);
      }
      String value = args.get(++i);
      switch (flag) {
        case "--db" -> database = value;
        case "--url" -> url = value;
        case "--executions" -> executions = count(flag, value);
        case "--threads" -> threads = count(flag, value);
        case "--artifacts" -> artifacts = count(flag, value);
        case "--queries" -> queries = count(flag, value);
        default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
      }
    }
    if (database == null) {
      throw new IllegalArgumentException("--db is required\n" + USAGE);
    }
    return new MetadataBenchmarkOptions(database, url, executions, threads, artifacts, queries);
  }

  private static int count(String flag, String text) {
    try {
      return Integer.parseInt(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, not '" + text + "'\n" + USAGE);
    }
  }
}
