package dev.updraft.bench;

import java.util.Arrays;

/** Percentiles of timings in milliseconds, by the nearest-rank method. */
public final class Percentiles {
  private final double[] sorted;

  private Percentiles(double[] sorted) {
    this.sorted = sorted;
  }

  /** Timings given in nanoseconds, reported in milliseconds. */
  public static Percentiles ofNanos(long[] nanos) {
    return ofMillis(Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray());
  }

  public static Percentiles ofMillis(double[] millis) {
    if (millis.length == 0) {
      throw new IllegalArgumentException("no timings");
    }
    double[] copy = millis.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /** The {@code p}th percentile (0 < p <= 100). */
  public double percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length); // 1-based
    return sorted[Math.max(rank, 1) - 1];
  }

  public double p50() {
    return percentile(50);
  }

  public double p99() {
    return percentile(99);
  }

  public double max() {
    return sorted[sorted.length - 1];
  }

  public int count() {
    return sorted.length;
  }
}
