package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.exception.ClientClosedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Holds one in-JVM concurrency limiter per store, shared by every client of the store that uses
 * this registry (compare resilience4j's {@code BulkheadRegistry}). {@link #shared()} is the one
 * clients use unless the builder is given another; {@link #create()} makes an isolated one (tests,
 * or a part of an application that must not share limits with the rest).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li><b>Store hashes are case-insensitive</b>: {@code abc123} and {@code ABC123} share one
 *       limit.
 *   <li><b>The smallest limit wins</b>: when clients of one store ask for different limits, the
 *       limit in force is the smallest asked for by the clients still open (a lower limit is always
 *       safe against the API's documented 10; a higher one might not be). Requests in flight are
 *       never cut short by a change: fewer (or more) new permits are handed out.
 *   <li><b>A store's limiter lives while any client or any permit of it is alive</b>: closing the
 *       last client while its requests are still on the wire does not reset the count, so a new
 *       client of the store cannot put more requests in flight than the limit.
 *   <li>A 429 or an exhausted quota pauses the whole store ({@link
 *       ConcurrencyLimiter#onRateLimited(Duration)}): no client of the store in this registry sends
 *       until the reset.
 * </ul>
 */
public final class ConcurrencyLimiterRegistry {
  private static final ConcurrencyLimiterRegistry SHARED = new ConcurrencyLimiterRegistry("shared");

  private final String name;
  private final Map<String, StoreLimiter> stores = new HashMap<>(); // guarded by this

  private ConcurrencyLimiterRegistry(String name) {
    this.name = name;
  }

  /** The JVM-wide registry: the default of every {@link SegmentsClient}. */
  public static ConcurrencyLimiterRegistry shared() {
    return SHARED;
  }

  /** A new registry that shares nothing with any other. */
  public static ConcurrencyLimiterRegistry create() {
    return new ConcurrencyLimiterRegistry(
        "isolated@" + Integer.toHexString(new Object().hashCode()));
  }

  /**
   * Joins the limiter of {@code storeHash} (any case), asking for {@code maxConcurrentRequests}.
   * Close the lease when done; {@link SegmentsClient#close()} closes its own.
   */
  public Lease join(String storeHash, int maxConcurrentRequests) {
    String key = key(storeHash);
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
    }
    synchronized (this) {
      StoreLimiter store = stores.computeIfAbsent(key, k -> new StoreLimiter(k, this));
      Lease lease = new Lease(store, maxConcurrentRequests);
      store.join(lease.requested);
      return lease;
    }
  }

  /** The limit in force for {@code storeHash}, or 0 if the registry holds no limiter for it. */
  public int currentLimit(String storeHash) {
    String key = key(storeHash);
    synchronized (this) {
      StoreLimiter store = stores.get(key);
      return store == null ? 0 : store.limit();
    }
  }

  /** The permits of {@code storeHash} handed out and not yet closed, or 0. */
  public int permitsInUse(String storeHash) {
    String key = key(storeHash);
    synchronized (this) {
      StoreLimiter store = stores.get(key);
      return store == null ? 0 : store.permitsOut();
    }
  }

  /** True if the registry holds a limiter for {@code storeHash}. */
  public boolean holds(String storeHash) {
    String key = key(storeHash);
    synchronized (this) {
      return stores.containsKey(key);
    }
  }

  /** Drops the store's limiter once no lease and no permit of it is left; under this's lock. */
  void dropIfUnused(StoreLimiter store) {
    if (store.unused() && stores.get(store.storeHash()) == store) {
      stores.remove(store.storeHash());
    }
  }

  private static String key(String storeHash) {
    requireNonNull(storeHash, "storeHash == null");
    return storeHash.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    synchronized (this) {
      return "ConcurrencyLimiterRegistry[" + name + ", stores=" + stores.keySet() + "]";
    }
  }

  /**
   * A client's membership in the limiter of one store: a {@link ConcurrencyLimiter}. Its permits
   * outlive it: closing the lease does not give back permits still out.
   */
  public final class Lease implements ConcurrencyLimiter, AutoCloseable {
    private final StoreLimiter store;
    private final int requested;
    private boolean closed; // guarded by the registry

    private Lease(StoreLimiter store, int requested) {
      this.store = store;
      this.requested = requested;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ClientClosedException if the lease was closed
     */
    @Override
    public Optional<Permit> acquire(Duration timeout) throws InterruptedException {
      requireNonNull(timeout, "timeout == null");
      synchronized (ConcurrencyLimiterRegistry.this) {
        if (closed) {
          throw new ClientClosedException(
              "the concurrency limiter lease of store " + store.storeHash() + " is closed");
        }
        store.reserve();
      }
      return store.acquireReserved(timeout);
    }

    @Override
    public void onRateLimited(Duration resetAfter) {
      store.pause(requireNonNull(resetAfter, "resetAfter == null"));
    }

    @Override
    public int maxConcurrentRequests() {
      synchronized (ConcurrencyLimiterRegistry.this) {
        return store.limit();
      }
    }

    /** The limit this lease asked for (the limit in force may be lower). */
    public int requested() {
      return requested;
    }

    /** The store this lease belongs to, in lower case. */
    public String storeHash() {
      return store.storeHash();
    }

    /** Leaves the store's limiter; idempotent. Permits still out stay counted. */
    @Override
    public void close() {
      synchronized (ConcurrencyLimiterRegistry.this) {
        if (closed) {
          return;
        }
        closed = true;
        store.leave(requested);
        dropIfUnused(store);
      }
    }

    @Override
    public String toString() {
      return "ConcurrencyLimiterRegistry.Lease[store="
          + store.storeHash()
          + ", limit="
          + maxConcurrentRequests()
          + ", requested="
          + requested
          + "]";
    }
  }
}
