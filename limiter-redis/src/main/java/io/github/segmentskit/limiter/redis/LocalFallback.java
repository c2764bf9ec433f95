package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import java.time.Duration;

/**
 * The per-JVM limit used while Redis is unreachable ({@code fallbackToLocal}): a lease of a {@link
 * ConcurrencyLimiterRegistry}, joined at the first outage and left when Redis answers again, so
 * that while Redis is healthy the registry's other clients of the store are not bound by it.
 * Permits taken from the lease stay counted until they close, even after it is left.
 */
final class LocalFallback {
  private final ConcurrencyLimiterRegistry registry;
  private final String storeHash;
  private final int limit;
  private ConcurrencyLimiterRegistry.Lease lease; // guarded by this

  LocalFallback(ConcurrencyLimiterRegistry registry, String storeHash, int limit) {
    this.registry = registry;
    this.storeHash = storeHash;
    this.limit = limit;
  }

  int limit() {
    return limit;
  }

  /** The lease, joined now if it was not. */
  synchronized ConcurrencyLimiter join() {
    if (lease == null) {
      lease = registry.join(storeHash, limit);
    }
    return lease;
  }

  /** Passes a pause on to the lease, if joined. */
  void onRateLimited(Duration resetAfter) {
    ConcurrencyLimiter joined;
    synchronized (this) {
      joined = lease;
    }
    if (joined != null) {
      joined.onRateLimited(resetAfter);
    }
  }

  /** Leaves the registry's limiter, if joined. */
  synchronized void leave() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }
}
