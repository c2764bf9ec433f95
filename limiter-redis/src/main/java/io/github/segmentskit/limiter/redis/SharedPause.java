package io.github.segmentskit.limiter.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBucket;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.BaseStatusListener;
import org.redisson.client.codec.StringCodec;

/**
 * The pause a store asked for (a 429, or an exhausted quota), shared by the fleet: one Redis key
 * whose time to live is what is left of the pause, timed by Redis's clock; and a mirror of it in
 * this JVM, which {@code acquire} reads instead of asking Redis.
 *
 * <p>Extending is one atomic step, a short script: set the key with the new expiry unless it
 * already lives longer, so a pause never shortens a longer one; and announce it on the store's
 * pause channel. (Redis 7's {@code PEXPIRE ... GT} does the same, but Redis 6.2 is still common,
 * and Redisson's {@code expireIfGreater} needs 7.)
 *
 * <p>How the mirror learns of the fleet's pauses, without a round trip per permit: the JVM that
 * heard of a pause mirrors it at once; every other JVM hears the announcement (pub/sub, one hop
 * from Redis) and mirrors it; and the key itself is read when this JVM subscribes (at start, and
 * every time Redisson subscribes again after a lost connection, so that no pause set meanwhile is
 * missed), after Redis came back from an outage, and at most every {@link #REFRESH} while permits
 * are asked for (a pause written by something else than a limiter, or an announcement lost).
 */
final class SharedPause {
  /** How often, at most, {@code acquire} reads the key itself (without waiting for the reply). */
  static final Duration REFRESH = Duration.ofSeconds(1);

  private static final String EXTEND =
      "local ttl = redis.call('pttl', KEYS[1]); "
          + "if ttl < tonumber(ARGV[1]) then "
          + "redis.call('set', KEYS[1], '1', 'PX', ARGV[1]); "
          + "redis.call('publish', ARGV[2], ARGV[1]); "
          + "return 1; "
          + "end; "
          + "return 0;";

  private final String key;
  private final String channel;
  private final RBucket<String> bucket;
  private final RScript script;
  private final RTopic topic;
  private final long refreshNanos = REFRESH.toNanos();
  private volatile long localUntilNanos = System.nanoTime();
  private volatile long lastReadNanos = System.nanoTime();
  private volatile int messageListener = -1;
  private volatile int statusListener = -1;

  SharedPause(RedissonClient redisson, String key, String channel) {
    this.key = key;
    this.channel = channel;
    this.bucket = redisson.getBucket(key, StringCodec.INSTANCE);
    this.script = redisson.getScript(StringCodec.INSTANCE);
    this.topic = redisson.getTopic(channel, StringCodec.INSTANCE);
  }

  /**
   * Subscribes to the store's pause channel, then reads the pause in force; waits until {@code
   * deadlineNanos}. Every later (re)subscription reads the key again, without waiting.
   */
  void subscribe(long deadlineNanos)
      throws InterruptedException, java.util.concurrent.TimeoutException, RedisCallFailedException {
    messageListener =
        RedisCalls.await(
            topic.addListenerAsync(String.class, (ignored, millis) -> announced(millis)),
            deadlineNanos);
    statusListener =
        RedisCalls.await(
            topic.addListenerAsync(
                new BaseStatusListener() {
                  @Override
                  public void onSubscribe(String subscribed) {
                    refresh();
                  }
                }),
            deadlineNanos);
    long millis = RedisCalls.await(remainingMillis(), deadlineNanos);
    if (millis > 0) {
      mirror(millis);
    }
  }

  /** Stops listening to the channel (the subscription ends with the last listener). */
  void unsubscribe() {
    try {
      if (messageListener != -1) {
        topic.removeListenerAsync(messageListener);
      }
      if (statusListener != -1) {
        topic.removeListenerAsync(statusListener);
      }
    } catch (RuntimeException e) {
      // Redisson shut down: nothing left to remove.
    }
  }

  private void announced(String millis) {
    try {
      long value = Long.parseLong(millis);
      if (value > 0) {
        mirror(value);
      }
    } catch (NumberFormatException e) {
      // not an announcement of ours: ignored
    }
  }

  /** Pauses this JVM at once for {@code millis}, unless a longer local pause is in force. */
  void mirror(long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
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

  /** Reads the pause key without waiting, if it was not read for {@link #REFRESH}. */
  void refreshIfStale() {
    if (System.nanoTime() - lastReadNanos > refreshNanos) {
      refresh();
    }
  }

  /** Reads the pause key without waiting, and mirrors what it says. */
  void refresh() {
    lastReadNanos = System.nanoTime();
    try {
      remainingMillis()
          .whenComplete(
              (millis, failure) -> {
                if (millis != null && millis > 0) {
                  mirror(millis);
                }
              });
    } catch (RuntimeException e) {
      // Redisson shut down or cannot send: the next acquire finds out.
    }
  }

  /** Extends the fleet's pause to {@code millis} from now (never shortens it) and announces it. */
  RFuture<Object> extend(long millis) {
    return script.evalAsync(
        key,
        RScript.Mode.READ_WRITE,
        EXTEND,
        RScript.ReturnType.INTEGER,
        List.of(key),
        String.valueOf(millis),
        channel);
  }

  /** Milliseconds left of the fleet's pause; 0 or less (-2: none) when there is none. */
  RFuture<Long> remainingMillis() {
    lastReadNanos = System.nanoTime();
    return bucket.remainTimeToLiveAsync();
  }
}
