package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests one store has in flight and refuses any above the limit (the API's "limit of
 * 10 concurrent requests"). A refused request never counts as in flight.
 */
final class InFlightLimiter {

  private final int limit;
  private final Metrics metrics;
  private final AtomicInteger inFlight = new AtomicInteger();

  InFlightLimiter(int limit, Metrics metrics) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
    }
    this.limit = limit;
    this.metrics = requireNonNull(metrics, "metrics == null");
  }

  /** Admits the request if fewer than {@code limit} are in flight; the caller must then release. */
  boolean tryAcquire() {
    while (true) {
      int current = inFlight.get();
      if (current >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        metrics.inFlight(current + 1);
        return true;
      }
    }
  }

  void release() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  int limit() {
    return limit;
  }
}
