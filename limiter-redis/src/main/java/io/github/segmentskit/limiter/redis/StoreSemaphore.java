package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.exception.ConcurrencyLimiterUnavailableException;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RPermitExpirableSemaphore;

/**
 * Sets up a store's semaphore in Redis, and recreates it after Redis lost it (a restart without
 * persistence, an eviction): {@code trySetPermits} only creates a semaphore that does not exist, so
 * calling it again is harmless.
 *
 * <p>The limit: the first JVM of a fleet creates the semaphore with its {@code
 * maxConcurrentRequests}; a JVM that asks for fewer lowers it for the fleet ({@code setPermits},
 * which keeps counting the permits out); a JVM that asks for more keeps the lower limit in force.
 * The limit is only raised by deleting the keys while no JVM runs.
 */
final class StoreSemaphore {
  private StoreSemaphore() {}

  /**
   * Creates or joins the semaphore; returns the limit in force.
   *
   * @throws ConcurrencyLimiterUnavailableException if Redis does not answer in time
   */
  static int initialize(RPermitExpirableSemaphore semaphore, RedisLimiterConfig config) {
    long deadline =
        System.nanoTime() + config.connectTimeout().plus(config.commandTimeout()).toNanos();
    int wanted = config.maxConcurrentRequests();
    try {
      if (RedisCalls.await(semaphore.trySetPermitsAsync(wanted), deadline)) {
        return wanted;
      }
      int inForce = RedisCalls.await(semaphore.getPermitsAsync(), deadline);
      if (inForce > wanted) {
        RedisCalls.await(semaphore.setPermitsAsync(wanted), deadline);
        return wanted;
      }
      return inForce;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(config, "interrupted while setting up its semaphore", e);
    } catch (TimeoutException e) {
      throw unavailable(
          config,
          "no answer within "
              + config.connectTimeout().plus(config.commandTimeout()).toMillis()
              + " ms",
          e);
    } catch (RedisCallFailedException e) {
      throw unavailable(config, e.getCause().getClass().getSimpleName(), e.getCause());
    }
  }

  /** Recreates the semaphore if Redis lost it, waiting until {@code deadlineNanos}. */
  static void repair(RPermitExpirableSemaphore semaphore, int limit, long deadlineNanos)
      throws InterruptedException, TimeoutException, RedisCallFailedException {
    RedisCalls.await(semaphore.trySetPermitsAsync(limit), deadlineNanos);
  }

  /** Recreates the semaphore if Redis lost it, without waiting. */
  static void repairInBackground(RPermitExpirableSemaphore semaphore, int limit) {
    try {
      semaphore.trySetPermitsAsync(limit);
    } catch (RuntimeException e) {
      // Redisson cannot send now: the next acquire finds out.
    }
  }

  static ConcurrencyLimiterUnavailableException unavailable(
      RedisLimiterConfig config, String why, Throwable cause) {
    return new ConcurrencyLimiterUnavailableException(
        "the concurrency limiter of store "
            + config.storeHash()
            + " cannot use Redis at "
            + config.redisAddressForDisplay()
            + ": "
            + why,
        cause);
  }
}
