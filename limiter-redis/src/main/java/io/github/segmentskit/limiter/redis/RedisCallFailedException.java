package io.github.segmentskit.limiter.redis;

/** A Redis command failed (no connection, an error reply, Redisson's own timeout). */
final class RedisCallFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  RedisCallFailedException(Throwable cause) {
    super(cause == null ? "Redis call failed" : cause.getClass().getName(), cause);
  }
}
