package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Quota pacing across a fleet: the simulator enforces a quota per window; when any member of the
 * fleet learns that fewer requests are left in the window than the fleet may have in flight ({@code
 * X-Rate-Limit-Requests-Left}, through {@code onQuota}), or draws a 429, every member waits for the
 * window's reset instead of drawing 429s. Two limiters with their own Redis connections stand for
 * two JVMs. A control run, whose limiters ignore {@code onRateLimited}, shows what the shared pause
 * saves.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuotaPacingAcceptanceTest {
  private static final int QUOTA = 20;
  private static final Duration WINDOW = Duration.ofSeconds(1);
  private static final int JVMS = 2;
  private static final int CALLERS = 30;
  private static final int CALLS = 1;
  private static TestRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = TestRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void theFleetWaitsForTheWindowsResetInsteadOfDrawing429s() throws Exception {
    Run paced = run(true);
    Run control = run(false);
    System.out.printf(
        "quota pacing: %d calls, %d quota 429s in %.2f s with the shared pause; %d in %.2f s"
            + " without%n",
        JVMS * CALLERS * CALLS, paced.refusals, paced.seconds, control.refusals, control.seconds);
    int windows = (JVMS * CALLERS * CALLS + QUOTA - 1) / QUOTA;
    // Without the shared pause, every caller that sends after the quota ran out draws a 429.
    assertThat(control.refusals).isGreaterThanOrEqualTo(QUOTA);
    // With it, the fleet stops when fewer requests are left than may be in flight; only requests
    // sent before that news reached them can be refused (at most the limit - 1 per window, and in
    // practice far fewer).
    assertThat(paced.refusals).isLessThanOrEqualTo((long) windows * 9);
    assertThat(paced.refusals * 3).isLessThanOrEqualTo(control.refusals);
  }

  private Run run(boolean sharePause) throws Exception {
    String prefix = TestConfigs.uniquePrefix();
    String store = "quota1";
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .port(0)
            .latency(Duration.ofMillis(20))
            .maxConcurrentRequests(10)
            .quota(QUOTA, WINDOW)
            .build()
            .start()) {
      List<RedisConcurrencyLimiter> limiters = new ArrayList<>();
      List<SegmentsClient> clients = new ArrayList<>();
      ExecutorService callers = Executors.newFixedThreadPool(JVMS * CALLERS);
      try {
        for (int j = 0; j < JVMS; j++) {
          RedisConcurrencyLimiter limiter =
              RedisConcurrencyLimiter.connect(
                  TestConfigs.builder(redis.uri(), prefix, store)
                      .maxConcurrentRequests(10)
                      .build());
          limiters.add(limiter);
          clients.add(
              SegmentsClient.builder()
                  .storeHash(store)
                  .accessToken("simulator-token")
                  .baseUri(simulator.baseUri(store))
                  .requestTimeout(limiter.config().requestTimeout())
                  .retryPolicy(RetryPolicy.builder().maxAttempts(10).build())
                  .concurrencyLimiter(sharePause ? limiter : new IgnoringPauses(limiter))
                  .build());
        }
        List<UUID> segments = new ArrayList<>();
        for (int i = 0; i < JVMS * CALLERS; i++) {
          segments.add(simulator.store(store).createSegment("seg-" + i, ""));
        }
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < JVMS * CALLERS; i++) {
          SegmentsClient client = clients.get(i % JVMS);
          UUID id = segments.get(i);
          running.add(
              callers.submit(
                  () -> {
                    for (int n = 0; n < CALLS; n++) {
                      client
                          .segments()
                          .update(List.of(new SegmentPut().id(id).name(id + "-" + n)))
                          .execute();
                    }
                  }));
        }
        for (Future<?> caller : running) {
          caller.get(50, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(simulator.metrics().responses(201)).isEqualTo((long) JVMS * CALLERS * CALLS);
        assertThat(simulator.metrics().inFlightLimitRefusals()).isZero();
        return new Run(simulator.metrics().quotaRefusals(), seconds);
      } finally {
        callers.shutdownNow();
        clients.forEach(SegmentsClient::close);
        limiters.forEach(RedisConcurrencyLimiter::close);
      }
    }
  }

  private record Run(long refusals, double seconds) {}

  /** The control: the same limiter, deaf to the store's pauses. */
  private record IgnoringPauses(ConcurrencyLimiter limiter) implements ConcurrencyLimiter {
    @Override
    public Optional<Permit> acquire(Duration timeout) throws InterruptedException {
      return limiter.acquire(timeout);
    }

    @Override
    public int maxConcurrentRequests() {
      return limiter.maxConcurrentRequests();
    }
  }
}
