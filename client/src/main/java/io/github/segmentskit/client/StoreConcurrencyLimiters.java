package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The JVM-wide registry of the default {@link ConcurrencyLimiter}s: one fair semaphore per store
 * hash, shared by every {@link SegmentsClient} of that store.
 *
 * <p><b>Sharing rule: the smallest limit wins.</b> When clients of one store ask for different
 * limits, the store's limit is the minimum of the limits of the clients that are open (a lower
 * limit is always safe against the API's documented 10; a higher one might not be). When the client
 * that asked for the lowest limit is closed, the limit rises to the minimum of those still open;
 * when the last one closes, the store's entry is dropped. Requests already in flight are never
 * interrupted by a change: the semaphore simply hands out fewer (or more) new permits.
 */
public final class StoreConcurrencyLimiters {
  private static final Map<String, Shared> STORES = new HashMap<>();

  private StoreConcurrencyLimiters() {}

  /**
   * Joins the limiter of {@code storeHash}, asking for {@code maxConcurrentRequests}. Close the
   * lease when done with it; {@link SegmentsClient#close()} does that for its own lease.
   */
  public static Lease lease(String storeHash, int maxConcurrentRequests) {
    requireNonNull(storeHash, "storeHash == null");
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
    }
    synchronized (STORES) {
      Shared shared = STORES.computeIfAbsent(storeHash, Shared::new);
      Lease lease = new Lease(shared, maxConcurrentRequests);
      shared.join(lease);
      return lease;
    }
  }

  /** The limit now in force for {@code storeHash}, or 0 if no client of the store is open. */
  public static int currentLimit(String storeHash) {
    requireNonNull(storeHash, "storeHash == null");
    synchronized (STORES) {
      Shared shared = STORES.get(storeHash);
      return shared == null ? 0 : shared.limit;
    }
  }

  /** A client's membership in the shared limiter of one store. */
  public static final class Lease implements ConcurrencyLimiter, AutoCloseable {
    private final Shared shared;
    private final int requested;
    private boolean closed;

    private Lease(Shared shared, int requested) {
      this.shared = shared;
      this.requested = requested;
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
      requireNonNull(timeout, "timeout == null");
      return shared.semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void release() {
      shared.semaphore.release();
    }

    @Override
    public int maxConcurrentRequests() {
      synchronized (STORES) {
        return shared.limit;
      }
    }

    @Override
    public int availablePermits() {
      return shared.semaphore.availablePermits();
    }

    /** The limit this client asked for (the limit in force may be lower). */
    public int requested() {
      return requested;
    }

    /** Leaves the store's limiter; idempotent. */
    @Override
    public void close() {
      synchronized (STORES) {
        if (closed) {
          return;
        }
        closed = true;
        shared.leave(this);
        if (shared.leases.isEmpty()) {
          STORES.remove(shared.storeHash);
        }
      }
    }

    @Override
    public String toString() {
      return "StoreConcurrencyLimiter[store="
          + shared.storeHash
          + ", limit="
          + maxConcurrentRequests()
          + ", requested="
          + requested
          + "]";
    }
  }

  /** The state of one store; guarded by {@code STORES}. */
  private static final class Shared {
    final String storeHash;
    final AdjustableSemaphore semaphore = new AdjustableSemaphore();
    final List<Lease> leases = new ArrayList<>();
    int limit;

    Shared(String storeHash) {
      this.storeHash = storeHash;
    }

    void join(Lease lease) {
      leases.add(lease);
      adjust();
    }

    void leave(Lease lease) {
      leases.remove(lease);
      if (!leases.isEmpty()) {
        adjust();
      }
    }

    private void adjust() {
      int wanted =
          Collections.min(leases, (a, b) -> Integer.compare(a.requested, b.requested)).requested;
      if (wanted > limit) {
        semaphore.release(wanted - limit);
      } else if (wanted < limit) {
        semaphore.reduce(limit - wanted);
      }
      limit = wanted;
    }
  }

  /** A fair semaphore whose number of permits can shrink while permits are out. */
  private static final class AdjustableSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    AdjustableSemaphore() {
      super(0, true);
    }

    void reduce(int permits) {
      reducePermits(permits);
    }
  }
}
