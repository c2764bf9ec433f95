package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.exception.ConcurrencyLimiterUnavailableException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.SingleServerConfig;

/**
 * Builds the Redisson client a limiter owns ({@link RedisConcurrencyLimiter#connect}) from its
 * configuration: one Redis server, the configured timeouts, no retries of failed commands (the
 * limiter answers at once instead, see {@link Outage}), reconnection within {@code
 * retryRedisAfter}, and small pools (a limiter sends a few short commands per request). The
 * password goes to Redisson's config, never into an address that could be printed.
 */
final class RedissonClients {
  private RedissonClients() {}

  static RedissonClient connect(RedisLimiterConfig limiter) {
    URI uri = limiter.redisUri();
    Config config = new Config();
    config.setCodec(StringCodec.INSTANCE);
    config.setNettyThreads(4);
    config.setThreads(2);
    SingleServerConfig server =
        config
            .useSingleServer()
            .setAddress(
                uri.getScheme() + "://" + hostForUri(uri) + ":" + RedisLimiterConfig.port(uri))
            .setConnectTimeout(millis(limiter.connectTimeout()))
            .setTimeout(millis(limiter.commandTimeout()))
            .setRetryAttempts(0)
            .setReconnectionDelay(
                new EqualJitterDelay(Duration.ofMillis(10), limiter.retryRedisAfter()))
            .setConnectionMinimumIdleSize(2)
            .setConnectionPoolSize(16)
            .setSubscriptionConnectionMinimumIdleSize(1)
            .setSubscriptionConnectionPoolSize(4)
            .setClientName("segments-kit-limiter");
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        server.setPassword(decode(userInfo));
      } else {
        if (colon > 0) {
          server.setUsername(decode(userInfo.substring(0, colon)));
        }
        server.setPassword(decode(userInfo.substring(colon + 1)));
      }
    }
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      server.setDatabase(Integer.parseInt(path.substring(1)));
    }
    try {
      return Redisson.create(config);
    } catch (RuntimeException e) {
      throw new ConcurrencyLimiterUnavailableException(
          "cannot reach Redis at "
              + limiter.redisAddressForDisplay()
              + " (connect timeout "
              + limiter.connectTimeout().toMillis()
              + " ms) for the concurrency limiter of store "
              + limiter.storeHash()
              + ": "
              + e.getClass().getSimpleName(),
          e);
    }
  }

  private static String hostForUri(URI uri) {
    String host = uri.getHost();
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
