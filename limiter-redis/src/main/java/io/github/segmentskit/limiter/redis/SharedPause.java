package io.github.segmentskit.limiter.redis;

import java.time.Duration;
import java.util.List;
import org.redisson.api.RBucket;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The pause a store asked for (a 429, or an exhausted quota), shared by the fleet: one Redis key
 * whose time to live is what is left of the pause, timed by Redis's clock; and a mirror of it in
 * this JVM, so that the JVM that heard of a pause stops at once and waits without asking Redis.
 *
 * <p>Extending is one atomic step, a short script: set the key with the new expiry unless it
 * already lives longer, so a pause never shortens a longer one. (Redis 7's {@code PEXPIRE ... GT}
 * does the same, but Redis 6.2 is still common, and Redisson's {@code expireIfGreater} needs 7.)
 */
final class SharedPause {
  private static final String EXTEND =
      "local ttl = redis.call('pttl', KEYS[1]); "
          + "if ttl < tonumber(ARGV[1]) then "
          + "redis.call('set', KEYS[1], '1', 'PX', ARGV[1]); return 1; "
          + "end; "
          + "return 0;";

  private final String key;
  private final RBucket<String> bucket;
  private final RScript script;
  private volatile long localUntilNanos = System.nanoTime();

  SharedPause(RedissonClient redisson, String key) {
    this.key = key;
    this.bucket = redisson.getBucket(key, StringCodec.INSTANCE);
    this.script = redisson.getScript(StringCodec.INSTANCE);
  }

  /** Pauses this JVM at once for {@code millis}, unless a longer local pause is in force. */
  void mirror(long millis) {
    long until = System.nanoTime() + Duration.ofMillis(millis).toNanos();
    synchronized (this) {
      if (until - localUntilNanos > 0) {
        localUntilNanos = until;
      }
    }
  }

  /** Nanoseconds left of the pause this JVM knows of; 0 or less when none. */
  long localRemainingNanos() {
    return localUntilNanos - System.nanoTime();
  }

  /** Extends the fleet's pause to {@code millis} from now (never shortens it). */
  RFuture<Object> extend(long millis) {
    return script.evalAsync(
        key,
        RScript.Mode.READ_WRITE,
        EXTEND,
        RScript.ReturnType.INTEGER,
        List.of(key),
        String.valueOf(millis));
  }

  /** Milliseconds left of the fleet's pause; 0 or less (-2: none) when there is none. */
  RFuture<Long> remainingMillis() {
    return bucket.remainTimeToLiveAsync();
  }
}
