package org.riskmonitor.bench;

import java.util.Arrays;

/** Durations in nanoseconds, collected from several threads; percentiles by the nearest-rank method. */
final class Latencies {

  private long[] values = new long[1024];
  private int size;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  /** Adds every duration of another collection to this one. */
  void addAll(Latencies other) {
    long[] theirs;
    synchronized (other) {
      theirs = Arrays.copyOf(other.values, other.size);
    }
    for (long nanos : theirs) {
      add(nanos);
    }
  }

  synchronized int count() {
    return size;
  }

  /** The p-th percentile in milliseconds (p between 0 and 100). */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      throw new IllegalStateException("no measurements");
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
