package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.ConcurrencyLimiter.Permit;
import io.github.segmentskit.client.exception.ClientClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The limiter against a real Redis. Two limiters, each with its own Redis connection, stand for two
 * JVMs of a fleet (the child-process proof is {@link FleetAcceptanceIT}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisConcurrencyLimiterTest {
  private static TestRedis redis;
  private String prefix;

  @BeforeAll
  static void startRedis() {
    redis = TestRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void ownKeys() {
    prefix = TestConfigs.uniquePrefix();
  }

  private RedisConcurrencyLimiter limiter(String store, int limit) {
    return RedisConcurrencyLimiter.connect(
        TestConfigs.builder(redis.uri(), prefix, store).maxConcurrentRequests(limit).build());
  }

  @Test
  void twoLimitersOfOneStoreNeverHaveMoreThanTheLimitOut() throws Exception {
    int limit = 3;
    AtomicInteger out = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (RedisConcurrencyLimiter a = limiter("abc123", limit);
        RedisConcurrencyLimiter b = limiter("abc123", limit)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        RedisConcurrencyLimiter mine = t % 2 == 0 ? a : b;
        results.add(
            pool.submit(
                () -> {
                  int done = 0;
                  for (int i = 0; i < 10; i++) {
                    Optional<Permit> permit = mine.acquire(Duration.ofSeconds(20));
                    assertThat(permit).isPresent();
                    peak.accumulateAndGet(out.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                    out.decrementAndGet();
                    permit.get().close();
                    done++;
                  }
                  return done;
                }));
      }
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(25, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(160);
      assertThat(peak.get()).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void storeHashIsCaseInsensitiveAcrossTheFleet() throws Exception {
    try (RedisConcurrencyLimiter upper = limiter("ABC123", 1);
        RedisConcurrencyLimiter lower = limiter("abc123", 1)) {
      Optional<Permit> held = upper.acquire(Duration.ofSeconds(1));
      assertThat(held).isPresent();
      assertThat(lower.acquire(Duration.ofMillis(200))).isEmpty();
      held.get().close();
      Optional<Permit> next = lower.acquire(Duration.ofSeconds(2));
      assertThat(next).isPresent();
      next.get().close();
    }
  }

  @Test
  void acquireGivesUpAfterItsTimeoutWhenEveryPermitIsOut() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("full1", 1)) {
      Optional<Permit> held = limiter.acquire(Duration.ofSeconds(1));
      long start = System.nanoTime();
      assertThat(limiter.acquire(Duration.ofMillis(300))).isEmpty();
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(waited).isBetween(250L, 800L);
      held.get().close();
    }
  }

  @Test
  void aPermitClosedTwiceIsGivenBackOnce() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("twice1", 2);
        RespClient admin = RespClient.to(redis)) {
      Permit first = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      Permit second = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      first.close();
      first.close();
      String counter = StoreKeys.of(prefix, "twice1").permits();
      awaitValue(() -> admin.callLong("GET", counter), 1);
      Thread.sleep(100);
      assertThat(admin.callLong("GET", counter)).isEqualTo(1);
      second.close();
      awaitValue(() -> admin.callLong("GET", counter), 2);
    }
  }

  @Test
  void aPermitOfALimiterThatDiedComesBackWithinTheLease() throws Exception {
    RedisLimiterConfig config =
        TestConfigs.builder(redis.uri(), prefix, "dead1")
            .maxConcurrentRequests(1)
            .requestTimeout(Duration.ofMillis(400))
            .leaseMargin(Duration.ofMillis(200))
            .build();
    RedisConcurrencyLimiter dying = RedisConcurrencyLimiter.connect(config);
    long taken = System.nanoTime();
    assertThat(dying.acquire(Duration.ofSeconds(1))).isPresent();
    dying.close(); // its connection is gone, its permit never released: as after kill -9
    try (RedisConcurrencyLimiter survivor = RedisConcurrencyLimiter.connect(config)) {
      Optional<Permit> permit = survivor.acquire(Duration.ofSeconds(5));
      long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - taken);
      assertThat(permit).isPresent();
      assertThat(after).isBetween(500L, 600L + 400L);
      permit.get().close();
    }
  }

  @Test
  void onRateLimitedPausesEveryLimiterOfTheStoreUntilTheReset() throws Exception {
    try (RedisConcurrencyLimiter told = limiter("paused1", 10);
        RedisConcurrencyLimiter other = limiter("paused1", 10);
        RespClient admin = RespClient.to(redis)) {
      other.acquire(Duration.ofSeconds(1)).orElseThrow().close(); // warm: connections are open
      told.onRateLimited(Duration.ofMillis(600));
      awaitPauseInRedis(admin, "paused1"); // it is written without being waited for
      long start = System.nanoTime();
      Optional<Permit> permit = other.acquire(Duration.ofSeconds(3));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(permit).isPresent();
      assertThat(waited).isBetween(450L, 1200L);
      permit.get().close();
    }
  }

  @Test
  void aPauseLongerThanTheTimeoutReturnsEmptyAtOnce() throws Exception {
    try (RedisConcurrencyLimiter told = limiter("paused2", 10);
        RedisConcurrencyLimiter other = limiter("paused2", 10);
        RespClient admin = RespClient.to(redis)) {
      told.onRateLimited(Duration.ofSeconds(10));
      awaitPauseInRedis(admin, "paused2");
      long start = System.nanoTime();
      assertThat(other.acquire(Duration.ofSeconds(2))).isEmpty();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
      start = System.nanoTime();
      assertThat(told.acquire(Duration.ofSeconds(2))).isEmpty(); // its own mirror: no Redis trip
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
    }
  }

  @Test
  void aShorterPauseNeverShortensALongerOne() throws Exception {
    try (RedisConcurrencyLimiter a = limiter("paused3", 10);
        RespClient admin = RespClient.to(redis)) {
      String key = StoreKeys.of(prefix, "paused3").pause();
      a.onRateLimited(Duration.ofSeconds(20));
      awaitValue(() -> admin.callLong("PTTL", key) > 15_000 ? 1 : 0, 1);
      a.onRateLimited(Duration.ofSeconds(1));
      Thread.sleep(100);
      assertThat(admin.callLong("PTTL", key)).isGreaterThan(15_000);
      a.onRateLimited(Duration.ofSeconds(40));
      awaitValue(() -> admin.callLong("PTTL", key) > 30_000 ? 1 : 0, 1);
    }
  }

  @Test
  void aPauseInForceWhenALimiterStartsHoldsItBack() throws Exception {
    try (RespClient admin = RespClient.to(redis)) {
      admin.call("SET", StoreKeys.of(prefix, "paused4").pause(), "1", "PX", "1000");
      try (RedisConcurrencyLimiter late = limiter("paused4", 10)) {
        long start = System.nanoTime();
        Optional<Permit> permit = late.acquire(Duration.ofSeconds(3));
        assertThat(permit).isPresent();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThan(500);
        permit.get().close();
      }
    }
  }

  @Test
  void aPauseWrittenWithoutAnnouncementIsReadWithinASecond() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("paused5", 10);
        RespClient admin = RespClient.to(redis)) {
      admin.call("SET", StoreKeys.of(prefix, "paused5").pause(), "1", "PX", "5000");
      long start = System.nanoTime();
      while (true) {
        Optional<Permit> permit = limiter.acquire(Duration.ofMillis(100));
        if (permit.isEmpty()) {
          break; // the pause is known
        }
        permit.get().close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
            .isLessThan(SharedPause.REFRESH.toMillis() + 1000);
        Thread.sleep(20);
      }
    }
  }

  @Test
  void aJvmAskingForFewerPermitsLowersTheFleetLimitAndOneAskingForMoreDoesNotRaiseIt()
      throws Exception {
    try (RedisConcurrencyLimiter first = limiter("limits1", 10);
        RedisConcurrencyLimiter lower = limiter("limits1", 4);
        RedisConcurrencyLimiter higher = limiter("limits1", 20)) {
      assertThat(first.maxConcurrentRequests()).isEqualTo(10);
      assertThat(lower.maxConcurrentRequests()).isEqualTo(4);
      assertThat(higher.maxConcurrentRequests()).isEqualTo(4);
      List<Permit> held = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        held.add(first.acquire(Duration.ofSeconds(1)).orElseThrow());
      }
      assertThat(higher.acquire(Duration.ofMillis(200))).isEmpty();
      held.forEach(Permit::close);
    }
  }

  @Test
  void aClosedLimiterRefusesWithClientClosed() throws Exception {
    RedisConcurrencyLimiter limiter = limiter("closed1", 10);
    limiter.close();
    limiter.close();
    assertThatThrownBy(() -> limiter.acquire(Duration.ofSeconds(1)))
        .isInstanceOf(ClientClosedException.class)
        .hasMessageContaining("closed1");
  }

  @Test
  void anInterruptedAcquireKeepsNoPermit() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("interrupt1", 1);
        RespClient admin = RespClient.to(redis)) {
      Permit held = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      CountDownLatch started = new CountDownLatch(1);
      AtomicInteger interrupted = new AtomicInteger();
      Thread waiter =
          new Thread(
              () -> {
                started.countDown();
                try {
                  limiter.acquire(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                  interrupted.incrementAndGet();
                }
              });
      waiter.start();
      started.await();
      Thread.sleep(200);
      waiter.interrupt();
      waiter.join(2000);
      assertThat(interrupted.get()).isEqualTo(1);
      held.close();
      String counter = StoreKeys.of(prefix, "interrupt1").permits();
      awaitValue(() -> admin.callLong("GET", counter), 1);
      Thread.sleep(200);
      assertThat(admin.callLong("GET", counter)).isEqualTo(1);
    }
  }

  @Test
  void aWaiterWhoseWakeUpWasLostAsksAgainWithinASlice() throws Exception {
    // A long lease, so that Redisson's own retry at the nearest lease end is 31 s away.
    RedisLimiterConfig config =
        TestConfigs.builder(redis.uri(), prefix, "lost1")
            .maxConcurrentRequests(1)
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (RedisConcurrencyLimiter holder = RedisConcurrencyLimiter.connect(config);
        RedisConcurrencyLimiter waiter = RedisConcurrencyLimiter.connect(config);
        RespClient admin = RespClient.to(redis)) {
      assertThat(holder.acquire(Duration.ofSeconds(1))).isPresent();
      java.util.concurrent.CompletableFuture<Optional<Permit>> waiting =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return waiter.acquire(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              },
              thread);
      Thread.sleep(300);
      // The permit comes back the way a release does it, but without the pub/sub message.
      String permits = StoreKeys.of(prefix, "lost1").permits();
      // (the lease set holds the one permit out, by its raw id)
      assertThat(
              admin.callLong(
                  "EVAL",
                  "local m = redis.call('zrange', KEYS[1], 0, -1); "
                      + "return redis.call('zrem', KEYS[1], unpack(m))",
                  "1",
                  TestConfigs.leaseSetKey(prefix, "lost1")))
          .isEqualTo(1);
      admin.callLong("INCR", permits);
      long freed = System.nanoTime();
      Optional<Permit> got = waiting.get(5, TimeUnit.SECONDS);
      long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - freed);
      assertThat(got).isPresent();
      assertThat(after).isLessThan(RedisConcurrencyLimiter.ASK_SLICE.toMillis() + 700);
      got.get().close();
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aSemaphoreRedisLostComesBackWithinASliceWithoutAnOutage() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("lostsem1", 2);
        RespClient admin = RespClient.to(redis)) {
      String counter = StoreKeys.of(prefix, "lostsem1").permits();
      limiter.acquire(Duration.ofSeconds(1)).orElseThrow().close();
      awaitValue(() -> admin.callLong("GET", counter), 2);
      admin.callLong("DEL", counter); // as after a restart of Redis without persistence
      long start = System.nanoTime();
      Optional<Permit> permit = limiter.acquire(Duration.ofSeconds(5));
      long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(permit).isPresent();
      assertThat(after).isLessThan(RedisConcurrencyLimiter.ASK_SLICE.toMillis() + 1500);
      permit.get().close();
      awaitValue(() -> admin.callLong("GET", counter), 2);
    }
  }

  /** Polls {@code value} until it equals {@code expected}, for at most 3 s, then asserts. */
  static void awaitValue(Probe value, long expected) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    long last = value.get();
    while (last != expected && System.nanoTime() - end < 0) {
      Thread.sleep(20);
      last = value.get();
    }
    assertThat(last).isEqualTo(expected);
  }

  /** A value read from Redis. */
  interface Probe {
    long get() throws Exception;
  }

  /** Waits (up to 3 s) until the store's pause key is in Redis, with time left on it. */
  private void awaitPauseInRedis(RespClient admin, String store) throws Exception {
    String key = StoreKeys.of(prefix, store).pause();
    awaitValue(() -> admin.callLong("PTTL", key) > 0 ? 1 : 0, 1);
  }
}
