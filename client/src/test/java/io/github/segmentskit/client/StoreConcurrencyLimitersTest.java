package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreConcurrencyLimitersTest {

  @Test
  void clientsOfOneStoreShareOnePool() throws InterruptedException {
    try (StoreConcurrencyLimiters.Lease a = StoreConcurrencyLimiters.lease("sharedpool", 2);
        StoreConcurrencyLimiters.Lease b = StoreConcurrencyLimiters.lease("sharedpool", 2)) {
      assertThat(a.tryAcquire(Duration.ZERO)).isTrue();
      assertThat(b.tryAcquire(Duration.ZERO)).isTrue();
      assertThat(a.tryAcquire(Duration.ofMillis(10))).isFalse();
      a.release();
      assertThat(b.tryAcquire(Duration.ZERO)).isTrue();
      a.release();
      b.release();
      assertThat(a.availablePermits()).isEqualTo(2);
    }
  }

  @Test
  void differentStoresHaveSeparatePools() throws InterruptedException {
    try (StoreConcurrencyLimiters.Lease a = StoreConcurrencyLimiters.lease("storeone", 1);
        StoreConcurrencyLimiters.Lease b = StoreConcurrencyLimiters.lease("storetwo", 1)) {
      assertThat(a.tryAcquire(Duration.ZERO)).isTrue();
      assertThat(b.tryAcquire(Duration.ZERO)).isTrue();
      a.release();
      b.release();
    }
  }

  @Test
  void smallestRequestedLimitWinsWhileItsClientIsOpen() throws InterruptedException {
    try (StoreConcurrencyLimiters.Lease ten = StoreConcurrencyLimiters.lease("minwins", 10)) {
      assertThat(StoreConcurrencyLimiters.currentLimit("minwins")).isEqualTo(10);
      StoreConcurrencyLimiters.Lease three = StoreConcurrencyLimiters.lease("minwins", 3);
      assertThat(ten.maxConcurrentRequests()).isEqualTo(3);
      assertThat(ten.availablePermits()).isEqualTo(3);
      try (StoreConcurrencyLimiters.Lease twenty = StoreConcurrencyLimiters.lease("minwins", 20)) {
        assertThat(twenty.maxConcurrentRequests()).isEqualTo(3);
        assertThat(twenty.requested()).isEqualTo(20);
      }
      three.close();
      assertThat(ten.maxConcurrentRequests()).isEqualTo(10);
      assertThat(ten.availablePermits()).isEqualTo(10);
    }
    assertThat(StoreConcurrencyLimiters.currentLimit("minwins")).isZero();
  }

  @Test
  void loweringTheLimitWhilePermitsAreOutTakesEffectAsTheyComeBack() throws InterruptedException {
    try (StoreConcurrencyLimiters.Lease four = StoreConcurrencyLimiters.lease("shrinking", 4)) {
      for (int i = 0; i < 4; i++) {
        assertThat(four.tryAcquire(Duration.ZERO)).isTrue();
      }
      try (StoreConcurrencyLimiters.Lease one = StoreConcurrencyLimiters.lease("shrinking", 1)) {
        for (int i = 0; i < 3; i++) {
          four.release();
        }
        assertThat(one.tryAcquire(Duration.ZERO)).isFalse();
        four.release();
        assertThat(one.tryAcquire(Duration.ZERO)).isTrue();
        assertThat(one.tryAcquire(Duration.ZERO)).isFalse();
        one.release();
      }
      assertThat(four.availablePermits()).isEqualTo(4);
    }
  }

  @Test
  void closingTwiceLeavesOnce() {
    StoreConcurrencyLimiters.Lease a = StoreConcurrencyLimiters.lease("twice", 2);
    try (StoreConcurrencyLimiters.Lease b = StoreConcurrencyLimiters.lease("twice", 5)) {
      a.close();
      a.close();
      assertThat(b.maxConcurrentRequests()).isEqualTo(5);
    }
  }
}
