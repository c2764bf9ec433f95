package io.github.segmentskit.limiter.redis;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * Limiter configurations for the tests: short leases, Redis timeouts that a busy machine still
 * meets, and a key prefix of their own per call so that tests never share keys (a {@code REDIS_URL}
 * server is not flushed).
 */
final class TestConfigs {
  private TestConfigs() {}

  static String uniquePrefix() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static RedisLimiterConfig.Builder builder(URI redis, String keyPrefix, String store) {
    return RedisLimiterConfig.builder(store)
        .redisUri(redis)
        .keyPrefix(keyPrefix)
        .requestTimeout(Duration.ofSeconds(2))
        .leaseMargin(Duration.ofSeconds(1))
        .connectTimeout(Duration.ofSeconds(2))
        .commandTimeout(Duration.ofSeconds(2))
        .retryRedisAfter(Duration.ofMillis(200));
  }

  /** The name of the store's semaphore key and its lease set, as Redisson names them. */
  static String leaseSetKey(String keyPrefix, String store) {
    return StoreKeys.of(keyPrefix, store).permits() + ":timeout";
  }
}
