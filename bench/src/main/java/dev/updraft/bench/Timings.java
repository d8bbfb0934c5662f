package dev.updraft.bench;

import java.util.List;

/**
 * Summary statistics of repeated timings, in milliseconds.
 *
 * @param min the fastest
 * @param median the middle one (the mean of the two middle ones for an even count)
 * @param p90 the 90th percentile, by the nearest-rank method
 */
record Timings(double min, double median, double p90) {

  static Timings of(List<Double> millis) {
    if (millis.isEmpty()) {
      throw new IllegalArgumentException("no timings");
    }
    List<Double> sorted = millis.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    int rank = (int) Math.ceil(0.9 * n); // nearest rank, 1-based
    return new Timings(sorted.getFirst(), median, sorted.get(Math.max(rank, 1) - 1));
  }
}
