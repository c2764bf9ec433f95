package io.github.segmentskit.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Bounds the requests of one store in flight (BigCommerce documents a limit of 10 concurrent
 * requests per store), and holds requests back while the store asked for a pause. The client's
 * extension point: the default is a lease of a {@link ConcurrencyLimiterRegistry} (one JVM); a
 * limiter shared by a fleet of JVMs (module {@code segments-limiter-redis}) implements the same
 * interface.
 *
 * <p>How the client uses it, for every attempt of every call: it builds and serializes the request,
 * then {@link #acquire(Duration) acquires} a permit, sends the request, reads the response to its
 * last byte, and {@linkplain Permit#close() closes} the permit; it parses the response after that.
 * It never holds a permit while it waits between retries. When a 429 says when the store's window
 * resets ({@code X-Rate-Limit-Time-Reset-Ms}), it calls {@link #onRateLimited(Duration)}; when
 * another response reports the quota left ({@code X-Rate-Limit-Requests-Left}) and the reset, it
 * calls {@link #onQuota(long, Duration)}, which by default pauses when none is left.
 */
public interface ConcurrencyLimiter {

  /**
   * Waits up to {@code timeout} for a permit, and for the end of any pause asked for by {@link
   * #onRateLimited(Duration)}.
   *
   * @return the permit, or empty if none became free in time
   * @throws InterruptedException if the thread was interrupted while waiting (no permit is held)
   * @throws io.github.segmentskit.client.exception.ConcurrencyLimiterUnavailableException if the
   *     limiter cannot answer (e.g. its backing store is down); thrown at once
   * @throws io.github.segmentskit.client.exception.ClientClosedException if the limiter was closed
   */
  Optional<Permit> acquire(Duration timeout) throws InterruptedException;

  /**
   * The store asked every sender to pause for {@code resetAfter}: until then, {@link
   * #acquire(Duration)} hands out no permit. A pause never shortens one already in force. The
   * default ignores it.
   */
  default void onRateLimited(Duration resetAfter) {}

  /**
   * A successful response reported the store's quota: {@code requestsLeft} requests are left in the
   * current window ({@code X-Rate-Limit-Requests-Left}), which resets after {@code resetAfter}. The
   * default pauses the store ({@link #onRateLimited(Duration)}) only when none is left. A limiter
   * that knows how many requests may still be in flight can pause earlier, so that those do not
   * draw 429s: a fleet-wide limiter cannot see the others' requests, only the quota.
   */
  default void onQuota(long requestsLeft, Duration resetAfter) {
    if (requestsLeft == 0) {
      onRateLimited(resetAfter);
    }
  }

  /** The number of requests this limiter lets run at once, for reporting. */
  int maxConcurrentRequests();

  /**
   * A permit to have one request on the wire. {@link #close()} gives it back; closing it again does
   * nothing.
   */
  interface Permit extends AutoCloseable {
    /** Gives the permit back; idempotent. */
    @Override
    void close();
  }
}
