package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.ConcurrencyLimiter.Permit;
import io.github.segmentskit.client.exception.ClientClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A permit given back young goes straight to a waiting caller of the same JVM (same Redis id, never
 * released in between); an old one, one given back during a pause, or any with the hand-off off,
 * goes back to the fleet (the next caller gets a new id from Redis). Callers that give up never
 * keep a handed permit, and two busy JVMs both get permits.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandOffTest {
  private static TestRedis redis;
  private String prefix;
  private ExecutorService threads;

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
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** A limiter whose hand-off window is {@code window} (the lease margin is 4 s: no cap below). */
  private RedisConcurrencyLimiter limiter(String store, int limit, Duration window) {
    return RedisConcurrencyLimiter.connect(
        TestConfigs.builder(redis.uri(), prefix, store)
            .maxConcurrentRequests(limit)
            .leaseMargin(Duration.ofSeconds(4))
            .handOffWindow(window)
            .build());
  }

  private static String id(Permit permit) {
    return ((RedisPermit) permit).id();
  }

  /** A caller of {@code limiter} waiting (up to 5 s) on a thread of its own. */
  private CompletableFuture<Permit> waiter(RedisConcurrencyLimiter limiter) {
    return waiter(limiter, Duration.ofSeconds(5));
  }

  /** A caller of {@code limiter} waiting (up to {@code timeout}) on a thread of its own. */
  private CompletableFuture<Permit> waiter(RedisConcurrencyLimiter limiter, Duration timeout) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return limiter.acquire(timeout).orElse(null);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        },
        threads);
  }

  /**
   * Closes each waiter's permit as it comes (with a limit of 1, each waits for the one before);
   * each must come within 3 s of the last. Closing one closed before does nothing.
   */
  private static void drain(List<CompletableFuture<Permit>> waiters) throws Exception {
    List<CompletableFuture<Permit>> left = new ArrayList<>(waiters);
    while (!left.isEmpty()) {
      CompletableFuture.anyOf(left.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
      for (CompletableFuture<Permit> done : List.copyOf(left)) {
        if (done.isDone()) {
          assertThat(done.get()).as("a permit").isNotNull();
          done.get().close();
          left.remove(done);
        }
      }
    }
  }

  /** Waits until {@code limiter} has {@code n} callers waiting for a turn (behind the askers). */
  private static void awaitQueued(RedisConcurrencyLimiter limiter, int n) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (limiter.queuedCallers() < n) {
      assertThat(System.nanoTime() - end).as("callers queued").isNegative();
      Thread.sleep(5);
    }
  }

  @Test
  void aYoungPermitGoesToTheFirstCallerWaitingInTheSameJvmWithoutReleasingIt() throws Exception {
    Duration window = Duration.ofMillis(1500);
    try (RedisConcurrencyLimiter limiter = limiter("hand1", 1, window);
        RedisConcurrencyLimiter otherJvm = limiter("hand1", 1, window);
        RespClient admin = RespClient.to(redis)) {
      Permit held = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      // Two callers ask Redis, the third waits in line for a turn: the hand-over goes to it.
      List<CompletableFuture<Permit>> mine = List.of(waiter(limiter), waiter(limiter));
      RedisConcurrencyLimiterTest.awaitValue(limiter::freeRedisTurns, 0); // both turns taken
      CompletableFuture<Permit> third = waiter(limiter);
      awaitQueued(limiter, 1);
      CompletableFuture<Permit> other = waiter(otherJvm);
      RedisConcurrencyLimiterTest.awaitValue(
          otherJvm::freeRedisTurns, RedisConcurrencyLimiter.REDIS_WAITERS - 1);
      Thread.sleep(100); // and is waiting in Redis, most likely
      String counter = StoreKeys.of(prefix, "hand1").permits();

      held.close();
      Permit handed = third.get(2, TimeUnit.SECONDS);
      assertThat(id(handed)).isEqualTo(id(held));
      assertThat(admin.callLong("GET", counter)).as("never released in between").isZero();
      assertThat(other).isNotDone();
      mine.forEach(f -> assertThat(f).isNotDone());

      // Older than the window: back to the fleet, and a new id for whoever takes it next.
      Thread.sleep(window.toMillis() + 100);
      handed.close();
      Permit next =
          CompletableFuture.anyOf(mine.get(0), mine.get(1), other)
              .thenApply(Permit.class::cast)
              .get(3, TimeUnit.SECONDS);
      assertThat(id(next)).isNotEqualTo(id(held));
      next.close();
      drain(List.of(mine.get(0), mine.get(1), other));
      RedisConcurrencyLimiterTest.awaitValue(() -> admin.callLong("GET", counter), 1);
    }
  }

  @Test
  void withTheWindowAtZeroEveryPermitGoesBackToTheFleet() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("hand2", 1, Duration.ZERO)) {
      Permit held = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      List<CompletableFuture<Permit>> waiting =
          List.of(waiter(limiter), waiter(limiter), waiter(limiter));
      awaitQueued(limiter, 1);
      held.close();
      Permit next =
          CompletableFuture.anyOf(waiting.toArray(CompletableFuture[]::new))
              .thenApply(Permit.class::cast)
              .get(3, TimeUnit.SECONDS);
      assertThat(id(next)).isNotEqualTo(id(held));
      next.close();
      drain(waiting);
    }
  }

  @Test
  void aPermitGivenBackDuringAPauseGoesToNobodyUntilThePauseEnds() throws Exception {
    try (RedisConcurrencyLimiter limiter = limiter("hand3", 1, Duration.ofMillis(400))) {
      Permit held = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      List<CompletableFuture<Permit>> waiting =
          List.of(waiter(limiter), waiter(limiter), waiter(limiter));
      awaitQueued(limiter, 1);
      limiter.onRateLimited(Duration.ofMillis(300));
      long paused = System.nanoTime();
      held.close();
      Permit next =
          CompletableFuture.anyOf(waiting.toArray(CompletableFuture[]::new))
              .thenApply(Permit.class::cast)
              .get(3, TimeUnit.SECONDS);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - paused))
          .isGreaterThanOrEqualTo(280);
      assertThat(id(next)).isNotEqualTo(id(held));
      next.close();
      drain(waiting);
    }
  }

  @Test
  void callersThatGiveUpOrAreInterruptedNeverKeepAPermitAndTheLimitHolds() throws Exception {
    int limit = 2;
    AtomicInteger out = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger gaveUp = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try (RedisConcurrencyLimiter limiter = limiter("hand4", limit, Duration.ofMillis(400));
        RespClient admin = RespClient.to(redis)) {
      List<Future<?>> callers = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      for (int t = 0; t < 12; t++) {
        int caller = t;
        callers.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (System.nanoTime() - end < 0) {
                    n++;
                    // short timeouts: many give up just as a permit is handed to them
                    Duration timeout = Duration.ofMillis(caller % 3 == 0 ? 1 : 3 + n % 7);
                    Optional<Permit> permit;
                    try {
                      permit = limiter.acquire(timeout);
                    } catch (InterruptedException e) {
                      return null;
                    }
                    if (permit.isEmpty()) {
                      gaveUp.incrementAndGet();
                      continue;
                    }
                    granted.incrementAndGet();
                    peak.accumulateAndGet(out.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    out.decrementAndGet();
                    permit.get().close();
                  }
                  return null;
                }));
      }
      // and callers interrupted while they wait
      for (int i = 0; i < 20; i++) {
        Thread waiting =
            new Thread(
                () -> {
                  try {
                    limiter.acquire(Duration.ofSeconds(5)).ifPresent(Permit::close);
                  } catch (InterruptedException e) {
                    // expected
                  }
                });
        waiting.start();
        Thread.sleep(i % 5);
        waiting.interrupt();
        waiting.join(2000);
      }
      for (Future<?> caller : callers) {
        caller.get(10, TimeUnit.SECONDS);
      }
      assertThat(granted.get()).isPositive();
      assertThat(gaveUp.get()).isPositive();
      assertThat(peak.get()).isLessThanOrEqualTo(limit);
      String counter = StoreKeys.of(prefix, "hand4").permits();
      RedisConcurrencyLimiterTest.awaitValue(() -> admin.callLong("GET", counter), limit);
      assertThat(limiter.queuedCallers()).isZero();
      assertThat(limiter.freeRedisTurns()).isEqualTo(RedisConcurrencyLimiter.REDIS_WAITERS);
      // every turn to ask Redis came back: the limiter still serves
      List<Permit> all = new ArrayList<>();
      for (int i = 0; i < limit; i++) {
        all.add(limiter.acquire(Duration.ofSeconds(2)).orElseThrow());
      }
      all.forEach(Permit::close);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closingTheLimiterWakesTheCallersWaitingInLineAtOnce() throws Exception {
    RedisConcurrencyLimiter limiter = limiter("hand6", 1, Duration.ofMillis(400));
    try {
      Permit held = limiter.acquire(Duration.ofSeconds(1)).orElseThrow();
      Duration timeout = Duration.ofSeconds(20);
      List<CompletableFuture<Permit>> waiting =
          List.of(
              waiter(limiter, timeout),
              waiter(limiter, timeout),
              waiter(limiter, timeout),
              waiter(limiter, timeout));
      awaitQueued(limiter, 2); // two wait in Redis, two in line (which is which is up to them)
      long closing = System.nanoTime();
      limiter.close();
      for (CompletableFuture<Permit> waiter : waiting) {
        assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS))
            .hasCauseInstanceOf(ClientClosedException.class);
      }
      // woken by the close (those in line at once, those in Redis when its client shuts down),
      // not by their 20 s timeout
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing)).isLessThan(5000);
      held.close(); // after close: back to the fleet (its lease would do it too), to nobody here
    } finally {
      limiter.close();
    }
  }

  @Test
  void twoBusyJvmsBothGetPermitsWithinTheirTimeout() throws Exception {
    int limit = 2;
    AtomicLong longestWaitNanos = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (RedisConcurrencyLimiter a = limiter("hand5", limit, Duration.ofMillis(300));
        RedisConcurrencyLimiter b = limiter("hand5", limit, Duration.ofMillis(300))) {
      List<Future<Integer>> done = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      for (int t = 0; t < 8; t++) {
        RedisConcurrencyLimiter mine = t % 2 == 0 ? a : b;
        done.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (System.nanoTime() - end < 0) {
                    long asked = System.nanoTime();
                    Permit permit = mine.acquire(Duration.ofSeconds(5)).orElseThrow();
                    longestWaitNanos.accumulateAndGet(System.nanoTime() - asked, Math::max);
                    Thread.sleep(10);
                    permit.close();
                    n++;
                  }
                  return n;
                }));
      }
      int[] perJvm = new int[2];
      for (int t = 0; t < 8; t++) {
        perJvm[t % 2] += done.get(t).get(10, TimeUnit.SECONDS);
      }
      assertThat(perJvm[0]).isPositive();
      assertThat(perJvm[1]).isPositive();
      // A busy JVM keeps a permit at most the window (300 ms) and one request past it, then the
      // fleet gets it: no caller waits anywhere near the 4 s run (as it would if the window were
      // ignored and the first JVM to hold both permits kept them to the end).
      assertThat(TimeUnit.NANOSECONDS.toMillis(longestWaitNanos.get())).isLessThan(2000);
    } finally {
      pool.shutdownNow();
    }
  }
}
