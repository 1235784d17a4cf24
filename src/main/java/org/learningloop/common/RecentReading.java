package org.learningloop.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A reading (one aggregate query) kept for a short while, so that the several gauges one metrics
 * scrape reads from it cost one query, not one each.
 */
public final class RecentReading<T> {

  private final Supplier<T> query;
  private final long keepNanos;
  private T value;
  private long readAt;

  public RecentReading(Supplier<T> query, Duration keep) {
    this.query = query;
    this.keepNanos = keep.toNanos();
  }

  public synchronized T get() {
    long now = System.nanoTime();
    if (value == null || now - readAt > keepNanos) {
      value = query.get();
      readAt = now;
    }
    return value;
  }
}
