package io.github.segmentskit.limiter.redis;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.exception.ClientClosedException;
import io.github.segmentskit.client.exception.ConcurrencyLimiterUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.redisson.api.RFuture;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;

/**
 * A {@link ConcurrencyLimiter} shared by every JVM of a fleet through Redis: at most {@code
 * maxConcurrentRequests} requests of the store in flight across all of them, and one pause for all
 * of them when the store answers 429 or runs out of quota.
 *
 * <pre>{@code
 * RedisLimiterConfig config = RedisLimiterConfig.builder("abc123")
 *     .redisUri(URI.create("redis://redis.internal:6379"))
 *     .requestTimeout(Duration.ofSeconds(30))       // the clients' requestTimeout
 *     .build();
 * try (RedisConcurrencyLimiter limiter = RedisConcurrencyLimiter.connect(config);
 *     SegmentsClient client = SegmentsClient.builder()
 *         .storeHash("abc123").accessToken(token)
 *         .requestTimeout(config.requestTimeout())
 *         .concurrencyLimiter(limiter)
 *         .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Permits are Redisson {@link RPermitExpirableSemaphore} permits leased for {@link
 * RedisLimiterConfig#lease()}: a JVM that dies keeps none longer than that. Every wait is bounded
 * by the caller's timeout, however slow Redis is. When Redis cannot be reached, {@link
 * #acquire(Duration)} throws {@link ConcurrencyLimiterUnavailableException} at once (or, with
 * {@code fallbackToLocal}, hands out permits of a per-JVM limit), and tries Redis again after
 * {@code retryRedisAfter}; when Redis is back, it recreates the semaphore if Redis lost it.
 *
 * <p>A permit given back while younger than {@link RedisLimiterConfig#handOffWindow()} goes
 * straight to the first caller of this JVM waiting in line, with its lease unchanged.
 *
 * <p>Thread-safe. Close it after the clients that use it (they do not close it); permits still out
 * then return with their lease.
 */
public final class RedisConcurrencyLimiter implements ConcurrencyLimiter, AutoCloseable {
  /** The least time {@code acquire} gives Redis to answer, even with a zero timeout. */
  static final Duration ROUND_TRIP_FLOOR = Duration.ofMillis(100);

  private static final Duration MAX_PAUSE = Duration.ofHours(1);

  /** How many of this limiter's callers ask Redis at once ({@link LocalQueue}). */
  static final int REDIS_WAITERS = 2;

  /** The longest a caller waits in Redis before it asks again ({@link #askRedis}). */
  static final Duration ASK_SLICE = Duration.ofSeconds(1);

  private final RedisLimiterConfig config;
  private final RedissonClient redisson;
  private final boolean ownsRedisson;
  private final RPermitExpirableSemaphore semaphore;
  private final SharedPause pause;
  private final Outage outage;
  private final LocalFallback fallback;
  private final long leaseMillis;
  private final int limit;
  private final long handOffNanos;
  private final LocalQueue queue = new LocalQueue(REDIS_WAITERS);
  private final Set<RFuture<List<String>>> asking = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisConcurrencyLimiter(
      RedisLimiterConfig config, RedissonClient redisson, boolean ownsRedisson) {
    this.config = config;
    this.redisson = redisson;
    this.ownsRedisson = ownsRedisson;
    StoreKeys keys = StoreKeys.of(config.keyPrefix(), config.storeHash());
    this.semaphore = redisson.getPermitExpirableSemaphore(keys.permits());
    this.pause = new SharedPause(redisson, keys.pause(), keys.pauseChannel());
    this.outage = new Outage(config.retryRedisAfter());
    this.fallback =
        config
            .fallbackLimit()
            .map(n -> new LocalFallback(config.fallbackRegistry(), config.storeHash(), n))
            .orElse(null);
    this.leaseMillis = config.lease().toMillis();
    this.handOffNanos = config.handOffWindow().toNanos();
    this.limit = StoreSemaphore.initialize(semaphore, config);
    listenForPauses(config);
  }

  /** Subscribes to the store's pause announcements and reads the pause in force. */
  private void listenForPauses(RedisLimiterConfig config) {
    Duration allowed = config.connectTimeout().plus(config.commandTimeout());
    try {
      pause.subscribe(System.nanoTime() + allowed.toNanos());
    } catch (InterruptedException e) {
      pause.unsubscribe();
      Thread.currentThread().interrupt();
      throw StoreSemaphore.unavailable(config, "interrupted while subscribing to its pauses", e);
    } catch (TimeoutException e) {
      pause.unsubscribe();
      throw StoreSemaphore.unavailable(config, "no answer within " + allowed.toMillis() + " ms", e);
    } catch (RedisCallFailedException e) {
      pause.unsubscribe();
      throw StoreSemaphore.unavailable(
          config, e.getCause().getClass().getSimpleName(), e.getCause());
    }
  }

  /**
   * A limiter with a Redis connection of its own, to {@link RedisLimiterConfig#redisUri()}; {@link
   * #close()} closes it.
   *
   * @throws ConcurrencyLimiterUnavailableException if Redis cannot be reached within the connect
   *     and command timeouts
   */
  public static RedisConcurrencyLimiter connect(RedisLimiterConfig config) {
    requireNonNull(config, "config == null");
    RedissonClient redisson = RedissonClients.connect(config);
    try {
      return new RedisConcurrencyLimiter(config, redisson, true);
    } catch (RuntimeException e) {
      redisson.shutdown();
      throw e;
    }
  }

  /**
   * A limiter on a Redisson client of yours (its timeouts apply to each command; {@code acquire}
   * still waits no longer than its timeout); {@link #close()} leaves the client open.
   *
   * @throws ConcurrencyLimiterUnavailableException if Redis does not answer within the config's
   *     connect and command timeouts
   */
  public static RedisConcurrencyLimiter create(RedissonClient redisson, RedisLimiterConfig config) {
    requireNonNull(redisson, "redisson == null");
    requireNonNull(config, "config == null");
    return new RedisConcurrencyLimiter(config, redisson, false);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Waits no longer than {@code timeout} (but gives Redis at least 100 ms to answer). A permit
   * is leased for {@link RedisLimiterConfig#lease()}.
   *
   * @throws ConcurrencyLimiterUnavailableException at once while Redis is unreachable, unless
   *     {@code fallbackToLocal} was chosen
   * @throws ClientClosedException if the limiter was closed
   */
  @Override
  public Optional<Permit> acquire(Duration timeout) throws InterruptedException {
    requireNonNull(timeout, "timeout == null");
    long start = System.nanoTime();
    long deadline = start + nanos(timeout);
    long redisDeadline =
        deadline - (start + ROUND_TRIP_FLOOR.toNanos()) > 0
            ? deadline
            : start + ROUND_TRIP_FLOOR.toNanos();
    while (true) {
      checkOpen();
      if (outage.answerWithoutRedis()) {
        Optional<Optional<Permit>> local = withoutRedis(deadline);
        if (local.isPresent()) {
          return local.get();
        }
        continue; // the fallback was left: Redis is back
      }
      try {
        if (outage.down()) {
          StoreSemaphore.repair(semaphore, limit, redisDeadline);
          redisAnswered();
        }
        return fromRedis(deadline, redisDeadline);
      } catch (TimeoutException e) {
        return Optional.empty();
      } catch (RedisCallFailedException e) {
        checkOpen();
        outage.failed(e.getCause());
      }
    }
  }

  /**
   * Ends an outage once Redis answered again (not merely when a caller got a permit handed over
   * within this JVM): announcements may have been lost with the connection, and the fallback is
   * left.
   */
  private void redisAnswered() {
    if (outage.recovered()) {
      pause.refresh();
      if (fallback != null) {
        fallback.leave();
      }
    }
  }

  /**
   * Waits for a permit of the fleet's semaphore, and for the end of the store's pause. The pause is
   * this JVM's mirror of it ({@link SharedPause}): checked before waiting and again once a permit
   * is granted, so that a pause announced while this caller waited holds it back too; no round trip
   * to Redis stands between the permit and the request. The permit comes from Redis, or from a
   * caller of this JVM that gave it back young enough ({@link #giveBack}).
   */
  private Optional<Permit> fromRedis(long deadline, long redisDeadline)
      throws InterruptedException, TimeoutException, RedisCallFailedException {
    pause.refreshIfStale();
    while (true) {
      long paused = pause.localRemainingNanos();
      if (paused > 0) {
        if (paused >= deadline - System.nanoTime()) {
          return Optional.empty(); // the pause outlasts the wait allowed
        }
        sleepNanos(paused);
        continue;
      }
      LocalQueue.Turn turn = queue.await(deadline, RedisPermit::releaseToFleet);
      if (turn == null) {
        return Optional.empty(); // no turn to ask Redis and no permit handed over in time
      }
      if (turn.closed()) {
        checkOpen();
      }
      if (!turn.ask()) {
        RedisPermit handed = turn.handed();
        if (closed.get()) {
          handed.releaseToFleet();
          checkOpen();
        }
        if (pause.localRemainingNanos() <= 0 && handed.ageNanos() < handOffNanos) {
          return Optional.of(handed);
        }
        // a pause began, or this caller woke too late for the window: the fleet gets it back
        handed.releaseToFleet();
        continue;
      }
      if (pause.localRemainingNanos() > 0) {
        queue.doneAsking(); // a pause began while this caller waited: wait for its end first
        continue;
      }
      Optional<RedisPermit> permit = askRedis(deadline, redisDeadline);
      if (permit.isEmpty()) {
        if (deadline - System.nanoTime() <= 0) {
          return Optional.empty();
        }
        continue; // a pause began while this caller waited in Redis
      }
      if (pause.localRemainingNanos() <= 0) {
        return Optional.of(permit.get());
      }
      permit.get().releaseToFleet(); // a pause began meanwhile: wait for its end first
    }
  }

  /**
   * One caller's turn to wait in Redis for a permit; the turn passes on when it ends. The wait is
   * cut into slices of at most {@link #ASK_SLICE}, each a fresh try: Redisson wakes its waiters by
   * pub/sub, which delivers a message at most once, and a waiter whose wake-up was lost would
   * otherwise sleep through free permits until its whole timeout ended.
   */
  private Optional<RedisPermit> askRedis(long deadline, long redisDeadline)
      throws InterruptedException, TimeoutException, RedisCallFailedException {
    try {
      while (true) {
        long leasedAt = System.nanoTime(); // Redisson dates the lease after this
        long sliceEnd = Math.min(deadline, leasedAt + ASK_SLICE.toNanos());
        long waitMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(sliceEnd - leasedAt));
        RFuture<List<String>> acquiring =
            semaphore.tryAcquireAsync(1, waitMillis, leaseMillis, TimeUnit.MILLISECONDS);
        List<String> ids;
        asking.add(acquiring);
        try {
          if (closed.get()) {
            wakeOnClose(acquiring);
          }
          ids = RedisCalls.await(acquiring, redisDeadline);
          redisAnswered();
        } catch (TimeoutException | InterruptedException e) {
          releaseWhenGranted(acquiring);
          throw e;
        } finally {
          asking.remove(acquiring);
        }
        if (ids != null && !ids.isEmpty()) {
          return Optional.of(
              new RedisPermit(semaphore, config.storeHash(), ids.get(0), leasedAt, this::giveBack));
        }
        // An empty slice: if Redis lost the semaphore (a restart without persistence), this puts
        // it back within a slice, not only when a caller's whole timeout ends.
        StoreSemaphore.repairInBackground(semaphore, limit);
        if (deadline - System.nanoTime() <= 0) {
          return Optional.empty();
        }
        if (pause.localRemainingNanos() > 0) {
          return Optional.empty(); // a pause began: the caller waits for its end first
        }
      }
    } finally {
      queue.doneAsking();
    }
  }

  /**
   * Where a permit goes when its request ends: to the first caller of this JVM waiting for one, if
   * the permit is younger than the hand-off window (so that any request it covers next ends, at its
   * {@code requestTimeout}, at least half the lease margin before the lease), no pause holds the
   * store, and Redis is not failing; otherwise back to the fleet. A handed-over permit saves the
   * release, the fleet-wide wake-up and the next acquire; the window bounds how long a busy JVM
   * keeps a permit from the others.
   */
  private void giveBack(RedisPermit permit) {
    if (handOffNanos > 0
        && permit.ageNanos() < handOffNanos
        && !closed.get()
        && !outage.down()
        && pause.localRemainingNanos() <= 0
        && queue.offer(permit.reissued())) {
      return;
    }
    permit.releaseToFleet();
  }

  /**
   * The answer while Redis is unreachable: a permit of the local fallback, or {@link
   * ConcurrencyLimiterUnavailableException}; empty if the fallback was left meanwhile.
   */
  private Optional<Optional<Permit>> withoutRedis(long deadline) throws InterruptedException {
    if (fallback == null) {
      Throwable cause = outage.cause();
      throw new ConcurrencyLimiterUnavailableException(
          "store "
              + config.storeHash()
              + ": Redis at "
              + config.redisAddressForDisplay()
              + " failed or did not answer ("
              + (cause == null ? "unknown" : cause.getClass().getSimpleName())
              + "); request not sent; Redis is tried again within "
              + config.retryRedisAfter().toMillis()
              + " ms",
          cause);
    }
    try {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      return Optional.of(fallback.join().acquire(left));
    } catch (ClientClosedException e) {
      return Optional.empty(); // left by a caller that found Redis back
    }
  }

  /**
   * Ends a caller's wait in Redis because the limiter closed: Redisson, shut down, would never
   * answer it. A permit Redis grants it anyway is released by Redisson (its answer comes second) or
   * by its lease.
   */
  private static void wakeOnClose(RFuture<List<String>> acquiring) {
    acquiring.toCompletableFuture().completeExceptionally(new ClientClosedException("closed"));
  }

  private void releaseWhenGranted(RFuture<List<String>> acquiring) {
    acquiring.whenComplete(
        (ids, failure) -> {
          if (ids != null && !ids.isEmpty()) {
            RedisPermit.release(semaphore, ids.get(0));
          }
        });
    acquiring.cancel(false);
  }

  /**
   * {@inheritDoc}
   *
   * <p>This JVM stops at once; the rest of the fleet when the pause reaches Redis (one short write,
   * not waited for) and its announcement reaches them. A failure to reach Redis is ignored here:
   * the next acquire finds it.
   */
  @Override
  public void onRateLimited(Duration resetAfter) {
    requireNonNull(resetAfter, "resetAfter == null");
    if (resetAfter.isNegative() || resetAfter.isZero()) {
      return;
    }
    long millis =
        Math.max(1, (resetAfter.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : resetAfter).toMillis());
    pause.mirror(millis);
    if (fallback != null) {
      fallback.onRateLimited(resetAfter);
    }
    if (closed.get()) {
      return;
    }
    try {
      pause.extend(millis);
    } catch (RuntimeException e) {
      // Redisson shut down or cannot send: this JVM still pauses.
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pauses the fleet until the reset as soon as fewer requests are left than the fleet may have
   * in flight: the requests already on the wire (in any JVM) may use up the rest, and any request
   * sent after them would draw a 429. This leaves at most {@code maxConcurrentRequests - 1} of a
   * window's quota unused.
   */
  @Override
  public void onQuota(long requestsLeft, Duration resetAfter) {
    requireNonNull(resetAfter, "resetAfter == null");
    if (requestsLeft < limit) {
      onRateLimited(resetAfter);
    }
  }

  /** The fleet's limit for the store, as found or set in Redis when this limiter was built. */
  @Override
  public int maxConcurrentRequests() {
    return limit;
  }

  /** How many of this limiter's callers wait in line for a turn (for tests). */
  int queuedCallers() {
    return queue.waiting();
  }

  /** How many turns to ask Redis are free (for tests; {@link #REDIS_WAITERS} when idle). */
  int freeRedisTurns() {
    return queue.askersFree();
  }

  /** This limiter's configuration. */
  public RedisLimiterConfig config() {
    return config;
  }

  /**
   * Closes the limiter; idempotent. Later acquires throw {@link ClientClosedException}. Permits
   * still out are not released (their requests may still be running): their lease returns them.
   * Closes the Redis connection if the limiter opened it.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (fallback != null) {
      fallback.leave();
    }
    queue.close(); // callers waiting in line learn it now, not at their timeout
    asking.forEach(RedisConcurrencyLimiter::wakeOnClose); // and those waiting in Redis
    pause.unsubscribe();
    if (ownsRedisson) {
      redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new ClientClosedException(
          "the Redis concurrency limiter of store " + config.storeHash() + " is closed");
    }
  }

  private static long nanos(Duration duration) {
    return duration.compareTo(Duration.ofDays(1)) > 0
        ? Duration.ofDays(1).toNanos()
        : Math.max(0, duration.toNanos());
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while the store was paused");
      }
    }
  }

  @Override
  public String toString() {
    return "RedisConcurrencyLimiter[store="
        + config.storeHash()
        + ", limit="
        + limit
        + ", lease="
        + leaseMillis
        + " ms, redis="
        + config.redisAddressForDisplay()
        + (outage.down() ? ", redis unreachable" : "")
        + (closed.get() ? ", closed]" : "]");
  }
}
