package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.ConcurrencyLimiter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.redisson.api.RPermitExpirableSemaphore;

/**
 * One leased permit of the fleet's semaphore, held by one request at a time. {@link #close()} gives
 * it back without waiting for Redis (the client closes permits on the HTTP client's thread, which
 * must not block): to a waiting caller of the same JVM while it is young enough ({@link
 * RedisConcurrencyLimiter}), else to the fleet; if that release is lost, the lease returns the
 * permit. Closing twice gives back once; a release after the lease ended counts nothing (Redisson
 * removes the permit id only once).
 */
final class RedisPermit implements ConcurrencyLimiter.Permit {
  private final RPermitExpirableSemaphore semaphore;
  private final String storeHash;
  private final String id;
  private final long leasedAtNanos;
  private final Consumer<RedisPermit> giveBack;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A permit whose lease Redis dated no earlier than {@code leasedAtNanos} ({@link
   * System#nanoTime()} when it was asked for), given back through {@code giveBack}.
   */
  RedisPermit(
      RPermitExpirableSemaphore semaphore,
      String storeHash,
      String id,
      long leasedAtNanos,
      Consumer<RedisPermit> giveBack) {
    this.semaphore = semaphore;
    this.storeHash = storeHash;
    this.id = id;
    this.leasedAtNanos = leasedAtNanos;
    this.giveBack = giveBack;
  }

  /** The permit's id in Redis (its member in the semaphore's lease set). */
  String id() {
    return id;
  }

  /** How long ago it was asked for: its lease ends at most {@code lease - age} from now. */
  long ageNanos() {
    return System.nanoTime() - leasedAtNanos;
  }

  /** The same lease, for the next request of this JVM. */
  RedisPermit reissued() {
    return new RedisPermit(semaphore, storeHash, id, leasedAtNanos, giveBack);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      giveBack.accept(this);
    }
  }

  /** Gives it back to the fleet, without waiting. */
  void releaseToFleet() {
    release(semaphore, id);
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
