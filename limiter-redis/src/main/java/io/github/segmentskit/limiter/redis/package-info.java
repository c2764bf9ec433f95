/**
 * A concurrency limiter for {@code segments-client} shared by a fleet of JVMs through Redis: {@link
 * io.github.segmentskit.limiter.redis.RedisConcurrencyLimiter}, configured by {@link
 * io.github.segmentskit.limiter.redis.RedisLimiterConfig}. Everything else in the package is an
 * implementation detail.
 */
package io.github.segmentskit.limiter.redis;
