package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.ConcurrencyLimiter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RPermitExpirableSemaphore;

/**
 * One leased permit of the fleet's semaphore. {@link #close()} gives it back without waiting for
 * Redis (the client closes permits on the HTTP client's completion thread, which must not block);
 * if that release is lost, the lease returns the permit. Closing twice releases once; a release
 * after the lease ended counts nothing (Redisson removes the permit id only once).
 */
final class RedisPermit implements ConcurrencyLimiter.Permit {
  private final RPermitExpirableSemaphore semaphore;
  private final String storeHash;
  private final String id;
  private final AtomicBoolean closed = new AtomicBoolean();

  RedisPermit(RPermitExpirableSemaphore semaphore, String storeHash, String id) {
    this.semaphore = semaphore;
    this.storeHash = storeHash;
    this.id = id;
  }

  /** The permit's id in Redis (its member in the semaphore's lease set). */
  String id() {
    return id;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release(semaphore, id);
    }
  }

  /** Releases {@code id} without waiting; a failure leaves it to its lease. */
  static void release(RPermitExpirableSemaphore semaphore, String id) {
    try {
      semaphore.tryReleaseAsync(id);
    } catch (RuntimeException e) {
      // Redisson shut down or cannot send: the lease gives the permit back.
    }
  }

  @Override
  public String toString() {
    return "RedisPermit[store=" + storeHash + ", id=" + id + (closed.get() ? ", closed]" : "]");
  }
}
