package dev.updraft.bench.metadata;

import java.util.Arrays;

/** Percentiles of repeated timings, in milliseconds, by the nearest-rank method. */
final class Latencies {
  private final double[] sorted;

  private Latencies(double[] sorted) {
    this.sorted = sorted;
  }

  static Latencies ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no timings");
    }
    double[] millis = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
    return new Latencies(millis);
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

  int count() {
    return sorted.length;
  }
}
