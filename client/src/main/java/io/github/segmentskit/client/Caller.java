package io.github.segmentskit.client;

import io.github.segmentskit.generated.invoker.ApiException;
import java.time.Duration;

/**
 * Runs one call of the generated client: takes a permit, sends, gives the permit back, maps a
 * failure to its type, and retries as the {@link RetryPolicy} decides, sleeping without a permit.
 */
final class Caller {

  /** One call of the generated client. */
  @FunctionalInterface
  interface ApiCall<T> {
    T call() throws ApiException;
  }

  private final String storeHash;
  private final ConcurrencyLimiter limiter;
  private final Duration acquireTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final ErrorMapper errorMapper;
  private final BodyDeadline bodyDeadline;

  Caller(
      String storeHash,
      ConcurrencyLimiter limiter,
      Duration acquireTimeout,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      ErrorMapper errorMapper,
      BodyDeadline bodyDeadline) {
    this.storeHash = storeHash;
    this.limiter = limiter;
    this.acquireTimeout = acquireTimeout;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.errorMapper = errorMapper;
    this.bodyDeadline = bodyDeadline;
  }

  <T> T execute(Operation operation, String path, ApiCall<T> call) {
    for (int attempt = 1; ; attempt++) {
      SegmentsException failure;
      acquire(operation, path);
      try (BodyDeadline.Watch watch = bodyDeadline.start()) {
        try {
          return call.call();
        } catch (ApiException e) {
          failure =
              errorMapper.map(operation, path, e, watch.fired() ? bodyDeadline.timeout() : null);
        }
      } finally {
        limiter.release();
      }
      RetryDecision decision = retryPolicy.decide(operation.method(), attempt, failure);
      if (!decision.retry()) {
        throw failure;
      }
      try {
        sleeper.sleep(decision.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.addSuppressed(e);
        throw failure;
      }
    }
  }

  private void acquire(Operation operation, String path) {
    boolean acquired;
    try {
      acquired = limiter.tryAcquire(acquireTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SegmentsConnectionException(
          operation.method() + " " + path + " -> interrupted while waiting for a permit", e);
    }
    if (!acquired) {
      throw ConcurrencyLimitExceededException.of(
          storeHash, limiter.maxConcurrentRequests(), acquireTimeout);
    }
  }
}
