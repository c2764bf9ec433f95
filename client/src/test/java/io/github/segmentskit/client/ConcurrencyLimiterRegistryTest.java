package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("asserts that a paused acquire returns at once, in under 90 ms")
class ConcurrencyLimiterRegistryTest {
  private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();

  private static ConcurrencyLimiter.Permit take(ConcurrencyLimiter limiter)
      throws InterruptedException {
    Optional<ConcurrencyLimiter.Permit> permit = limiter.acquire(Duration.ZERO);
    assertThat(permit).as("a free permit").isPresent();
    return permit.get();
  }

  @Test
  void leasesOfOneStoreShareOneLimit() throws InterruptedException {
    try (var a = registry.join("sharedpool", 2);
        var b = registry.join("sharedpool", 2)) {
      ConcurrencyLimiter.Permit first = take(a);
      ConcurrencyLimiter.Permit second = take(b);
      assertThat(a.acquire(Duration.ofMillis(10))).isEmpty();
      first.close();
      ConcurrencyLimiter.Permit third = take(b);
      second.close();
      third.close();
      assertThat(registry.permitsInUse("sharedpool")).isZero();
    }
  }

  @Test
  void storeHashesAreCaseInsensitive() throws InterruptedException {
    try (var lower = registry.join("abc123", 1);
        var upper = registry.join("ABC123", 1)) {
      ConcurrencyLimiter.Permit permit = take(lower);
      assertThat(upper.acquire(Duration.ofMillis(10))).as("ABC123 is abc123").isEmpty();
      permit.close();
      take(upper).close();
      assertThat(registry.currentLimit("AbC123")).isEqualTo(1);
    }
  }

  @Test
  void differentStoresAndDifferentRegistriesDoNotShare() throws InterruptedException {
    ConcurrencyLimiterRegistry other = ConcurrencyLimiterRegistry.create();
    try (var a = registry.join("storeone", 1);
        var b = registry.join("storetwo", 1);
        var c = other.join("storeone", 1)) {
      take(a);
      take(b);
      take(c);
    }
  }

  @Test
  void smallestRequestedLimitWinsWhileItsLeaseIsOpen() throws InterruptedException {
    try (var ten = registry.join("minwins", 10)) {
      assertThat(registry.currentLimit("minwins")).isEqualTo(10);
      var three = registry.join("minwins", 3);
      assertThat(ten.maxConcurrentRequests()).isEqualTo(3);
      try (var twenty = registry.join("minwins", 20)) {
        assertThat(twenty.maxConcurrentRequests()).isEqualTo(3);
        assertThat(twenty.requested()).isEqualTo(20);
      }
      three.close();
      assertThat(ten.maxConcurrentRequests()).isEqualTo(10);
    }
    assertThat(registry.currentLimit("minwins")).isZero();
    assertThat(registry.holds("minwins")).isFalse();
  }

  @Test
  void loweringTheLimitWhilePermitsAreOutTakesEffectAsTheyComeBack() throws InterruptedException {
    try (var four = registry.join("shrinking", 4)) {
      List<ConcurrencyLimiter.Permit> out = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        out.add(take(four));
      }
      try (var one = registry.join("shrinking", 1)) {
        for (int i = 0; i < 3; i++) {
          out.get(i).close();
        }
        assertThat(one.acquire(Duration.ZERO)).isEmpty();
        out.get(3).close();
        ConcurrencyLimiter.Permit only = take(one);
        assertThat(one.acquire(Duration.ZERO)).isEmpty();
        only.close();
      }
    }
  }

  @Test
  void aStoresLimiterOutlivesItsLastLeaseWhilePermitsAreOut() throws InterruptedException {
    var first = registry.join("outlives", 2);
    ConcurrencyLimiter.Permit a = take(first);
    ConcurrencyLimiter.Permit b = take(first);
    first.close();
    assertThat(registry.holds("outlives")).as("permits still out").isTrue();
    try (var second = registry.join("outlives", 2)) {
      assertThat(second.acquire(Duration.ofMillis(20)))
          .as("the two permits of the closed lease still count")
          .isEmpty();
      a.close();
      take(second).close();
      b.close();
    }
    assertThat(registry.holds("outlives")).isFalse();
  }

  @Test
  void closingAPermitTwiceGivesBackOnePermit() throws InterruptedException {
    try (var lease = registry.join("twice", 1)) {
      ConcurrencyLimiter.Permit permit = take(lease);
      permit.close();
      permit.close();
      ConcurrencyLimiter.Permit again = take(lease);
      assertThat(lease.acquire(Duration.ZERO)).as("still one permit in all").isEmpty();
      again.close();
    }
  }

  @Test
  void aClosedLeaseRefusesToAcquire() {
    var lease = registry.join("closedlease", 1);
    lease.close();
    lease.close();
    assertThatThrownBy(() -> lease.acquire(Duration.ZERO))
        .isInstanceOf(ClientClosedException.class);
  }

  @Test
  void aRateLimitPausesEveryLeaseOfTheStoreUntilTheReset() throws InterruptedException {
    try (var a = registry.join("paused", 10);
        var b = registry.join("PAUSED", 10)) {
      a.onRateLimited(Duration.ofMillis(300));
      long start = System.nanoTime();
      assertThat(b.acquire(Duration.ofMillis(100))).as("pause outlasts the wait").isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(90));
      ConcurrencyLimiter.Permit permit = b.acquire(Duration.ofSeconds(2)).orElseThrow();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(290));
      permit.close();
      a.onRateLimited(Duration.ofMillis(10));
      b.onRateLimited(Duration.ofDays(365_000)); // absurd: capped, no overflow
      assertThat(a.acquire(Duration.ofMillis(50))).isEmpty();
    }
  }

  @Test
  void racingAcquirersNeverHoldMoreThanTheLimit() throws Exception {
    int limit = 3;
    AtomicInteger held = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (var lease = registry.join("race", limit)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 200; i++) {
                    ConcurrencyLimiter.Permit permit =
                        lease.acquire(Duration.ofSeconds(5)).orElseThrow();
                    peak.accumulateAndGet(held.incrementAndGet(), Math::max);
                    held.decrementAndGet();
                    permit.close();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(peak.get()).isBetween(1, limit);
    assertThat(registry.holds("race")).isFalse();
  }

  @Test
  void interruptedWhileWaitingHoldsNoPermit() throws Exception {
    try (var lease = registry.join("interrupted", 1)) {
      ConcurrencyLimiter.Permit busy = take(lease);
      Thread waiter =
          new Thread(
              () -> {
                try {
                  lease.acquire(Duration.ofSeconds(10));
                } catch (InterruptedException expected) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();
      Thread.sleep(50);
      waiter.interrupt();
      waiter.join(2_000);
      assertThat(waiter.isAlive()).isFalse();
      busy.close();
      take(lease).close();
      assertThat(registry.permitsInUse("interrupted")).isZero();
    }
  }
}
