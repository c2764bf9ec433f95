package io.github.segmentskit.limiter.redis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RFuture;

/**
 * Waits for a Redis reply no later than a deadline, so that a slow Redis cannot hold a caller past
 * its {@code acquireTimeout}: the wait is the caller's, whatever timeouts Redisson applies.
 */
final class RedisCalls {
  private RedisCalls() {}

  /**
   * The reply of {@code call}, waited for until {@code deadlineNanos} ({@link System#nanoTime()}).
   *
   * @throws TimeoutException the deadline passed first (the call goes on)
   * @throws RedisCallFailedException the call failed
   */
  static <T> T await(RFuture<T> call, long deadlineNanos)
      throws InterruptedException, TimeoutException, RedisCallFailedException {
    try {
      return call.toCompletableFuture()
          .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new RedisCallFailedException(e.getCause());
    } catch (CancellationException e) {
      throw new RedisCallFailedException(e);
    } catch (RuntimeException e) { // thrown by Redisson itself, e.g. after shutdown
      throw new RedisCallFailedException(e);
    }
  }
}
