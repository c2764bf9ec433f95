package io.github.segmentskit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The in-JVM limiter of one store inside a {@link ConcurrencyLimiterRegistry}: a fair semaphore
 * whose size is the smallest limit its leases asked for, a count of the permits out, and the end of
 * the pause the store asked for. Lease and permit counts are guarded by the registry's lock.
 */
final class StoreLimiter {
  private final String storeHash;
  private final ConcurrencyLimiterRegistry registry;
  private final AdjustableSemaphore semaphore = new AdjustableSemaphore();
  private final List<Integer> requestedLimits = new ArrayList<>(); // guarded by registry
  private int limit; // guarded by registry
  private int permitsOut; // guarded by registry
  private int waiting; // guarded by registry: acquirers that may yet take a permit
  private volatile long pausedUntilNanos = System.nanoTime();

  StoreLimiter(String storeHash, ConcurrencyLimiterRegistry registry) {
    this.storeHash = storeHash;
    this.registry = registry;
  }

  String storeHash() {
    return storeHash;
  }

  int limit() {
    return limit;
  }

  int permitsOut() {
    return permitsOut;
  }

  boolean unused() {
    return requestedLimits.isEmpty() && permitsOut == 0 && waiting == 0;
  }

  void join(int requested) {
    requestedLimits.add(requested);
    adjust();
  }

  void leave(int requested) {
    requestedLimits.remove(Integer.valueOf(requested));
    if (!requestedLimits.isEmpty()) {
      adjust();
    }
  }

  private void adjust() {
    int wanted = Collections.min(requestedLimits);
    if (wanted > limit) {
      semaphore.release(wanted - limit);
    } else if (wanted < limit) {
      semaphore.reduce(limit - wanted);
    }
    limit = wanted;
  }

  /** Pauses the store for {@code resetAfter} from now, unless a longer pause is in force. */
  void pause(Duration resetAfter) {
    long until = System.nanoTime() + Durations.nanos(min(resetAfter, RetryPolicy.MAX_WAIT));
    synchronized (this) {
      if (until - pausedUntilNanos > 0) {
        pausedUntilNanos = until;
      }
    }
  }

  /** Counts one more acquirer in; under the registry's lock, before {@link #acquireReserved}. */
  void reserve() {
    waiting++;
  }

  /** Waits for a permit after {@link #reserve()}; the reservation ends either way. */
  Optional<ConcurrencyLimiter.Permit> acquireReserved(Duration timeout)
      throws InterruptedException {
    boolean acquired = false;
    try {
      acquired = acquireSemaphore(timeout);
      return acquired ? Optional.of(new StorePermit()) : Optional.empty();
    } finally {
      synchronized (registry) {
        waiting--;
        if (acquired) {
          permitsOut++;
        }
        registry.dropIfUnused(this);
      }
    }
  }

  private boolean acquireSemaphore(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + Durations.nanos(min(timeout, Durations.MAX));
    while (true) {
      long now = System.nanoTime();
      long pausedFor = pausedUntilNanos - now;
      if (pausedFor > 0) {
        if (pausedFor >= deadline - now) {
          return false; // the pause outlasts the wait allowed: no point in waiting
        }
        sleepNanos(pausedFor);
        continue;
      }
      long remaining = deadline - now;
      if (!semaphore.tryAcquire(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
        return false;
      }
      if (pausedUntilNanos - System.nanoTime() > 0) {
        semaphore.release(); // a pause began while this waited: wait for its end first
        continue;
      }
      return true;
    }
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while the store was paused");
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** One permit of this store; closing it twice gives back one permit. */
  private final class StorePermit implements ConcurrencyLimiter.Permit {
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      semaphore.release();
      synchronized (registry) {
        permitsOut--;
        registry.dropIfUnused(StoreLimiter.this);
      }
    }

    @Override
    public String toString() {
      return "Permit[store=" + storeHash + (closed.get() ? ", closed]" : "]");
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
