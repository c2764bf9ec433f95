package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ConcurrencyLimitExceededException;
import io.github.segmentskit.generated.model.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's limit of 10 concurrent requests, against a WireMock that counts requests in flight
 * and answers 429 above 10.
 */
class SegmentsClientConcurrencyTest {
  private static final int CALLERS = 200;
  private static final int DELAY_MS = 100;

  private static final InFlightLimitEnforcer ENFORCER = new InFlightLimitEnforcer(10);

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .bindAddress("127.0.0.1")
                  .dynamicPort()
                  .containerThreads(64)
                  .extensions(ENFORCER))
          .failOnUnmatchedRequests(true)
          .build();

  @BeforeEach
  void setUp() {
    ENFORCER.reset();
    wireMock.stubFor(
        put(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(okJson(json("update-segments-response.json")).withFixedDelay(DELAY_MS)));
  }

  @AfterEach
  void validateAgainstSpec() {
    SpecValidation.assertAllInteractionsMatchSpec(wireMock);
  }

  private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();

  private SegmentsClient.Builder noRetries() {
    // No retries: a 429 from the enforcer must surface, not be hidden by a retry.
    return TestClients.builder(wireMock, new RecordingSleeper())
        .retryPolicy(RetryPolicy.none())
        .limiterRegistry(registry);
  }

  @Test
  void twoHundredConcurrentCallersNeverExceedTenInFlight() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try (SegmentsClient client = noRetries().build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Segment>>> results = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        results.add(
            callers.submit(
                () -> {
                  start.await();
                  return client
                      .segments()
                      .update(SegmentsClientRequestShapeTest.updateBoth())
                      .execute();
                }));
      }
      start.countDown();
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            for (Future<List<Segment>> result : results) {
              assertThat(result.get()).hasSize(2);
            }
          });
      assertThat(ENFORCER.refused()).isZero();
      assertThat(ENFORCER.peak()).isEqualTo(10);
      assertThat(registry.permitsInUse(Fixtures.STORE)).isZero();
    } finally {
      callers.shutdownNow();
    }
    assertThat(ServeEvents.awaitCount(wireMock, CALLERS)).hasSize(CALLERS);
  }

  @Test
  void asyncCallsOfTwoClientsOfOneStoreShareTheLimit() {
    try (SegmentsClient first = noRetries().build();
        SegmentsClient second = noRetries().build()) {
      List<CompletableFuture<List<Segment>>> futures = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        SegmentsClient client = i % 2 == 0 ? first : second;
        futures.add(
            client.segments().update(SegmentsClientRequestShapeTest.updateBoth()).executeAsync());
      }
      assertTimeoutPreemptively(
          Duration.ofSeconds(30), () -> futures.forEach(f -> assertThat(f.join()).hasSize(2)));
      assertThat(ENFORCER.refused()).isZero();
      assertThat(ENFORCER.peak()).isEqualTo(10);
    }
    assertThat(ServeEvents.awaitCount(wireMock, 60)).hasSize(60);
  }

  @Test
  void waitingLongerThanAcquireTimeoutThrowsConcurrencyLimitExceeded() throws Exception {
    try (ConcurrencyLimiterRegistry.Lease limiter = registry.join(Fixtures.STORE, 1);
        SegmentsClient client = noRetries().acquireTimeout(Duration.ofMillis(20)).build()) {
      ConcurrencyLimiter.Permit busy = limiter.acquire(Duration.ZERO).orElseThrow();
      try {
        ConcurrencyLimitExceededException e =
            assertThrows(
                ConcurrencyLimitExceededException.class,
                () ->
                    client
                        .segments()
                        .update(SegmentsClientRequestShapeTest.updateBoth())
                        .execute());
        assertThat(e.storeHash()).isEqualTo(Fixtures.STORE);
        assertThat(e.limit()).isEqualTo(1);
        assertThat(e.waited()).isEqualTo(Duration.ofMillis(20));
        assertThat(e.getMessage())
            .isEqualTo(
                "store abc123: no permit of the 1 concurrent requests allowed became free within"
                    + " 20 ms; request not sent");
      } finally {
        busy.close();
      }
    }
    assertThat(wireMock.getAllServeEvents()).isEmpty();
  }

  @Test
  void aCustomLimiterIsUsedAndEveryPermitComesBack() {
    CountingLimiter limiter = new CountingLimiter(3);
    try (SegmentsClient client = noRetries().concurrencyLimiter(limiter).build()) {
      List<CompletableFuture<List<Segment>>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        futures.add(
            client.segments().update(SegmentsClientRequestShapeTest.updateBoth()).executeAsync());
      }
      futures.forEach(CompletableFuture::join);
    }
    assertThat(limiter.acquired()).isEqualTo(12);
    assertThat(limiter.free()).isEqualTo(3);
    assertThat(ENFORCER.peak()).isLessThanOrEqualTo(3);
    ServeEvents.awaitCount(wireMock, 12);
  }

  /** A limiter of the test's own, standing in for one shared across JVMs. */
  private static final class CountingLimiter implements ConcurrencyLimiter {
    private final Semaphore semaphore;
    private final int max;
    private final AtomicInteger acquired = new AtomicInteger();

    CountingLimiter(int max) {
      this.max = max;
      this.semaphore = new Semaphore(max, true);
    }

    @Override
    public Optional<Permit> acquire(Duration timeout) throws InterruptedException {
      if (!semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
      acquired.incrementAndGet();
      java.util.concurrent.atomic.AtomicBoolean closed =
          new java.util.concurrent.atomic.AtomicBoolean();
      return Optional.of(
          () -> {
            if (closed.compareAndSet(false, true)) {
              semaphore.release();
            }
          });
    }

    @Override
    public int maxConcurrentRequests() {
      return max;
    }

    int free() {
      return semaphore.availablePermits();
    }

    int acquired() {
      return acquired.get();
    }
  }
}
