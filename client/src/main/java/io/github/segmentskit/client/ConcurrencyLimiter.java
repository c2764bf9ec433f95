package io.github.segmentskit.client;

import java.time.Duration;

/**
 * Bounds the number of requests in flight to one store (BigCommerce documents a limit of 10
 * concurrent requests). {@link SegmentsClient} takes a permit just before a request goes on the
 * wire and gives it back as soon as the response (or failure) is in, always in a {@code finally};
 * it holds no permit while it sleeps between retries.
 *
 * <p>The default, {@link StoreConcurrencyLimiters#lease(String, int)}, is shared by every client of
 * the same store in the JVM. Implement this interface to plug in a limiter shared across JVMs.
 */
public interface ConcurrencyLimiter {

  /**
   * Waits up to {@code timeout} for a permit.
   *
   * @return true if a permit was taken (and must be {@linkplain #release() released}); false if the
   *     wait ran out
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  boolean tryAcquire(Duration timeout) throws InterruptedException;

  /** Gives back a permit taken by {@link #tryAcquire(Duration)}. */
  void release();

  /** The number of requests this limiter lets run at once. */
  int maxConcurrentRequests();

  /** The permits free right now; an estimate, for monitoring and tests. */
  int availablePermits();
}
