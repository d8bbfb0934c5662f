package dev.updraft.bench.scheduler;

import java.util.Arrays;

/** Percentiles of timings in milliseconds, by the nearest-rank method. */
final class Percentiles {
  private final double[] sorted;

  private Percentiles(double[] sorted) {
    this.sorted = sorted;
  }

  static Percentiles ofMillis(double[] millis) {
    if (millis.length == 0) {
      throw new IllegalArgumentException("no timings");
    }
    double[] copy = millis.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /** The {@code p}th percentile (0 < p <= 100). */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length); // 1-based
    return sorted[Math.max(rank, 1) - 1];
  }

  double p50() {
    return percentile(50);
  }

  double p99() {
    return percentile(99);
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  int count() {
    return sorted.length;
  }
}
