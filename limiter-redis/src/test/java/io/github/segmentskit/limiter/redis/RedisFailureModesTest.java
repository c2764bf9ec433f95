package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.segmentskit.client.ConcurrencyLimiter.Permit;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ConcurrencyLimitExceededException;
import io.github.segmentskit.client.exception.ConcurrencyLimiterUnavailableException;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What happens when Redis fails, each through a real {@link SegmentsClient} against the simulator:
 * Redis unreachable at start, lost mid-run (fail fast, or the local fallback), back again, slow. A
 * {@link TcpProxy} in front of Redis breaks it, so the tests run the same against the embedded
 * server and a {@code REDIS_URL} one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisFailureModesTest {
  private static final String STORE = "fail1";
  private static TestRedis redis;
  private static SegmentsSimulator simulator;
  private TcpProxy proxy;
  private String prefix;
  private UUID segment;

  @BeforeAll
  static void start() {
    redis = TestRedis.start();
    simulator =
        SegmentsSimulator.builder()
            .port(0)
            .latency(Duration.ofMillis(100))
            .maxConcurrentRequests(10)
            .rateLimit(1_000_000, Duration.ofSeconds(30))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    try {
      simulator.close();
    } finally {
      redis.close();
    }
  }

  @BeforeEach
  void breakable() throws Exception {
    proxy = new TcpProxy(redis.host(), redis.port());
    prefix = TestConfigs.uniquePrefix();
    simulator.resetAllStores();
    simulator.metrics().reset();
    segment = simulator.store(STORE).createSegment("Wholesale", "");
  }

  @AfterEach
  void closeProxy() throws Exception {
    proxy.close();
  }

  private RedisLimiterConfig.Builder viaProxy() {
    return TestConfigs.builder(redis.uriVia(proxy.port()), prefix, STORE)
        .commandTimeout(Duration.ofMillis(300))
        .connectTimeout(Duration.ofMillis(300));
  }

  private SegmentsClient client(RedisConcurrencyLimiter limiter, Duration acquireTimeout) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken("simulator-token")
        .baseUri(simulator.baseUri(STORE))
        .requestTimeout(limiter.config().requestTimeout())
        .acquireTimeout(acquireTimeout)
        .retryPolicy(RetryPolicy.none())
        .concurrencyLimiter(limiter)
        .build();
  }

  private void update(SegmentsClient client, String name) {
    client.segments().update(List.of(new SegmentPut().id(segment).name(name))).execute();
  }

  @Test
  void redisUnreachableAtStartIsAClearErrorWhenTheLimiterIsBuilt() throws Exception {
    int nothingThere = TestRedis.freePort();
    RedisLimiterConfig config =
        TestConfigs.builder(
                URI.create("redis://:s3cret-password@127.0.0.1:" + nothingThere), prefix, STORE)
            .build();
    long start = System.nanoTime();
    Throwable failure = catchThrowable(() -> RedisConcurrencyLimiter.connect(config));
    assertThat(failure)
        .isInstanceOf(ConcurrencyLimiterUnavailableException.class)
        .hasMessageContaining("cannot reach Redis at redis://127.0.0.1:" + nothingThere)
        .hasMessageContaining("store " + STORE);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret-password");
    }
  }

  @Test
  void redisLostMidRunFailsCallsFastWithUnavailableAndSendsNothing() throws Exception {
    try (RedisConcurrencyLimiter limiter = RedisConcurrencyLimiter.connect(viaProxy().build());
        SegmentsClient client = client(limiter, Duration.ofSeconds(5))) {
      update(client, "before");
      long sent = simulator.metrics().requestsReceived();
      proxy.cut();

      long start = System.nanoTime();
      assertThatThrownBy(() -> update(client, "during"))
          .isInstanceOf(ConcurrencyLimiterUnavailableException.class)
          .hasMessageContaining("failed or did not answer");
      long first = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      start = System.nanoTime();
      assertThatThrownBy(() -> update(client, "during2"))
          .isInstanceOf(ConcurrencyLimiterUnavailableException.class);
      long second = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(first)
          .as("first call finds Redis gone within its command timeout")
          .isLessThan(1000);
      assertThat(second).as("later calls fail at once").isLessThan(100);
      assertThat(simulator.metrics().requestsReceived()).isEqualTo(sent);
    }
  }

  @Test
  void fallbackToLocalKeepsAPerJvmLimitWhileRedisIsLost() throws Exception {
    RedisLimiterConfig config =
        viaProxy().fallbackToLocal(2).fallbackRegistry(ConcurrencyLimiterRegistry.create()).build();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (RedisConcurrencyLimiter limiter = RedisConcurrencyLimiter.connect(config);
        SegmentsClient client = client(limiter, Duration.ofSeconds(10))) {
      update(client, "before");
      proxy.cut();
      simulator.metrics().reset();
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "during-" + i;
        calls.add(callers.submit(() -> update(client, name)));
      }
      for (Future<?> call : calls) {
        call.get(20, TimeUnit.SECONDS);
      }
      assertThat(simulator.metrics().responses(201)).isEqualTo(8);
      assertThat(simulator.metrics().peakInFlight()).isEqualTo(2);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void recoversWithoutRestartWhenRedisComesBackEvenIfItLostTheStoresKeys() throws Exception {
    RedisLimiterConfig config = viaProxy().maxConcurrentRequests(3).build();
    try (RedisConcurrencyLimiter limiter = RedisConcurrencyLimiter.connect(config);
        SegmentsClient client = client(limiter, Duration.ofSeconds(2));
        RespClient admin = RespClient.to(redis)) {
      update(client, "before");
      proxy.cut();
      assertThatThrownBy(() -> update(client, "during"))
          .isInstanceOf(ConcurrencyLimiterUnavailableException.class);
      StoreKeys keys = StoreKeys.of(prefix, STORE);
      admin.call(
          "DEL", keys.permits(), keys.permits() + ":timeout"); // as a restart without persistence
      proxy.restore();

      long start = System.nanoTime();
      Throwable last = null;
      boolean recovered = false;
      for (int i = 0; i < 100 && !recovered; i++) {
        try {
          update(client, "after-" + i);
          recovered = true;
        } catch (ConcurrencyLimiterUnavailableException e) {
          last = e;
          Thread.sleep(50);
        }
      }
      assertThat(recovered).as("recovered; last failure: %s", last).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
      RedisConcurrencyLimiterTest.awaitValue(() -> admin.callLong("GET", keys.permits()), 3);
    }
  }

  @Test
  void slowRedisStillRespectsTheAcquireTimeoutAndLeaksNoPermit() throws Exception {
    RedisLimiterConfig config = viaProxy().maxConcurrentRequests(2).build();
    try (RedisConcurrencyLimiter limiter = RedisConcurrencyLimiter.connect(config);
        SegmentsClient client = client(limiter, Duration.ofMillis(300))) {
      update(client, "before");
      long sent = simulator.metrics().requestsReceived();
      proxy.delay(1500);
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> update(client, "slow"));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(failure)
            .isInstanceOfAny(
                ConcurrencyLimitExceededException.class,
                ConcurrencyLimiterUnavailableException.class);
        assertThat(took).as("acquireTimeout 300 ms").isLessThan(300 + 200);
      }
      assertThat(simulator.metrics().requestsReceived()).isEqualTo(sent);
      proxy.delay(0);
    }
    // Whatever Redis granted late was given back (or its lease ended): every permit is free again.
    try (RedisConcurrencyLimiter fresh =
        RedisConcurrencyLimiter.connect(
            TestConfigs.builder(redis.uri(), prefix, STORE).maxConcurrentRequests(2).build())) {
      Permit one = fresh.acquire(Duration.ofSeconds(8)).orElseThrow();
      Permit two = fresh.acquire(Duration.ofSeconds(8)).orElseThrow();
      one.close();
      two.close();
    }
  }
}
