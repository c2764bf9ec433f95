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
 * It never holds a permit while it waits between retries. When a response says that the store is
 * rate limited (a 429 with {@code X-Rate-Limit-Time-Reset-Ms}, or {@code
 * X-Rate-Limit-Requests-Left: 0}), it calls {@link #onRateLimited(Duration)}.
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
