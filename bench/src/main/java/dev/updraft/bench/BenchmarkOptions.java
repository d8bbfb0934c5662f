package dev.updraft.bench;

import java.util.List;

/**
 * The benchmark's settings, from its command line.
 *
 * @param dags how many DAGs to generate
 * @param tasks how many tasks each DAG has
 * @param perJar how many DAGs each jar holds
 * @param warmRuns how many warm loads to time after the cold one
 */
record BenchmarkOptions(int dags, int tasks, int perJar, int warmRuns) {

  static final String USAGE =
      "usage: DagBagLoadBenchmark [--dags N (1000)] [--tasks N (20)] [--per-jar K (1)]"
          + " [--warm N (10)]";

  BenchmarkOptions {
    if (dags < 1 || tasks < 1 || perJar < 1 || warmRuns < 1) {
      throw new IllegalArgumentException("every count must be at least 1\n" + USAGE);
    }
  }

  /** How many jars the DAGs are packaged in. */
  int jars() {
    return (dags + perJar - 1) / perJar;
  }

  static BenchmarkOptions parse(List<String> args) {
    int dags = 1000;
    int tasks = 20;
    int perJar = 1;
    int warm = 10;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value for " + flag + "\n" + USAGE);
      }
      int value = parseCount(flag, args.get(++i));
      switch (flag) {
        case "--dags" -> dags = value;
        case "--tasks" -> tasks = value;
        case "--per-jar" -> perJar = value;
        case "--warm" -> warm = value;
        default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
      }
    }
    return new BenchmarkOptions(dags, tasks, perJar, warm);
  }

  private static int parseCount(String flag, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, not '" + text + "'\n" + USAGE);
    }
  }
}
