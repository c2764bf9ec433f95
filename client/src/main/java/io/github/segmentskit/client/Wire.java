package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.ConcurrencyLimitExceededException;
import io.github.segmentskit.client.exception.ConcurrencyLimiterUnavailableException;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsInterruptedException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request on the wire, the only place the client holds a permit: it takes a permit of the
 * store's {@link ConcurrencyLimiter} for a request already built and serialized, sends it, reads
 * the response to its last byte (at most {@code maxResponseBytes}), and gives the permit back when
 * the exchange is over, not earlier: the server counts the request until then.
 *
 * <p>The deadline of an exchange ({@code requestTimeout}, from sending to the last byte) is kept by
 * the waiting thread itself; no timer thread is shared between calls. When it passes, the exchange
 * is cancelled (the connection closed) and the permit returns. An interrupted caller returns at
 * once, but its exchange keeps its permit until it ends, or until its deadline cancels it; that
 * cancellation alone runs on the JDK's {@code CompletableFuture} delay thread, never on the common
 * fork-join pool, which the application's own work may keep busy past the deadline.
 */
final class Wire {
  private final HttpClient http;
  private final ConcurrencyLimiter limiter;
  private final String storeHash;
  private final Duration acquireTimeout;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final ErrorMapper errors;

  Wire(
      HttpClient http,
      ConcurrencyLimiter limiter,
      String storeHash,
      Duration acquireTimeout,
      Duration requestTimeout,
      long maxResponseBytes,
      ErrorMapper errors) {
    this.http = http;
    this.limiter = limiter;
    this.storeHash = storeHash;
    this.acquireTimeout = acquireTimeout;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.errors = errors;
  }

  HttpClient http() {
    return http;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  long maxResponseBytes() {
    return maxResponseBytes;
  }

  ConcurrencyLimiter limiter() {
    return limiter;
  }

  /** Sends {@code request} under a permit and reads the whole response. */
  Exchanged exchange(
      HttpRequest request, String name, CallInfo call, int attempt, EventListener listener) {
    long waitStart = System.nanoTime();
    ConcurrencyLimiter.Permit permit = acquire(name);
    listener.permitAcquired(call, attempt, Duration.ofNanos(System.nanoTime() - waitStart));
    return send(request, name, permit);
  }

  private ConcurrencyLimiter.Permit acquire(String name) {
    Optional<ConcurrencyLimiter.Permit> permit;
    try {
      permit = limiter.acquire(acquireTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SegmentsInterruptedException(
          name + " -> interrupted while waiting for a permit; nothing was sent", e);
    } catch (SegmentsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConcurrencyLimiterUnavailableException(
          name + " -> the concurrency limiter failed (" + e.getClass().getName() + ")",
          errors.redactedCause(e));
    }
    if (permit == null || permit.isEmpty()) {
      throw new ConcurrencyLimitExceededException(
          storeHash, limiter.maxConcurrentRequests(), acquireTimeout);
    }
    return permit.get();
  }

  private Exchanged send(HttpRequest request, String name, ConcurrencyLimiter.Permit permit) {
    Runnable release = once(permit);
    // The permit goes back as soon as the last byte is read, on the HttpClient's thread, and the
    // caller wakes from there too. Not from the exchange's future: the JDK completes that one on
    // CompletableFuture's default executor, which on a machine with 2 CPUs or fewer starts a new
    // thread per task, so the permit would be held, and the caller kept waiting, for a thread start
    // after the exchange was over.
    BoundedBody body = BoundedBody.atMost(maxResponseBytes, release);
    long start = System.nanoTime();
    long deadline = start + Durations.nanos(requestTimeout);
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = http.sendAsync(request, body::forResponse);
    } catch (RuntimeException e) {
      release.run();
      throw new SegmentsConnectionException(
          name + " -> the request could not be sent (" + e.getClass().getName() + ")",
          errors.redactedCause(e));
    }
    // Every other end (no response, a failed or cancelled body, a timeout) returns it here.
    exchange.whenComplete(
        (response, failure) -> {
          release.run();
          body.exchangeEnded(response, failure);
        });
    try {
      BoundedBody.Read response =
          body.read().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return new Exchanged(
          response.status(),
          response.headers(),
          response.body(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      abort(body, exchange);
      throw new SegmentsTimeoutException(
          name
              + " -> no complete response within the request timeout of "
              + requestTimeout.toMillis()
              + " ms",
          null);
    } catch (InterruptedException e) {
      // The request may be on the server: it keeps its permit until it ends or its deadline passes.
      // The abort runs on the JDK's delay thread itself (it only cancels), not queued on the common
      // fork-join pool, where the application's own blocking work could hold it past the deadline.
      long left = Math.max(0, deadline - System.nanoTime());
      CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS, Runnable::run)
          .execute(() -> abort(body, exchange));
      Thread.currentThread().interrupt();
      throw new SegmentsInterruptedException(
          name
              + " -> interrupted while the request was on the wire; it keeps its permit until it"
              + " ends, and its result is dropped",
          e);
    } catch (CancellationException e) {
      throw new SegmentsConnectionException(name + " -> the exchange was cancelled", null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException) {
        throw new SegmentsConnectionException(name + " -> the exchange was cancelled", null);
      }
      throw errors.noResponse(name, e.getCause(), maxResponseBytes);
    }
  }

  /**
   * Closes {@code permit} the first time it runs. A permit that fails to close cannot be helped
   * here; it must not fail the exchange or stop the body from completing.
   */
  private static Runnable once(ConcurrencyLimiter.Permit permit) {
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        try {
          permit.close();
        } catch (RuntimeException e) {
          // the limiter's own failure; the call's outcome does not depend on it
        }
      }
    };
  }

  private static void abort(BoundedBody body, CompletableFuture<?> exchange) {
    body.cancel(new TimeoutException("request timeout"));
    exchange.cancel(true);
  }
}
