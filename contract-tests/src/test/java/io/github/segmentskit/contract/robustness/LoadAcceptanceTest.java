package io.github.segmentskit.contract.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.Sleeper;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.simulator.FaultInjection;
import io.github.segmentskit.simulator.Metrics;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 2,000 calls from 200 threads against the simulator with random latency and seeded 429s and 503s:
 * every call ends exactly once, with its result or a typed exception, within a bound on the whole
 * run; the server saw exactly the attempts the client made; and the store never had more than 10
 * requests in flight.
 *
 * <p>The simulator is allowed 50 requests in flight here (not the API's 10), so that its peak
 * measures what the client sends instead of what the simulator lets in; the only 429s are the
 * injected ones.
 */
class LoadAcceptanceTest {
  private static final String STORE = "loadstore";
  private static final String TOKEN = "load-test-token";
  private static final int CALLS = 2_000;
  private static final int THREADS = 200;
  private static final int SEEDED_SEGMENTS = 20;
  private static final Duration WHOLE_RUN_BOUND = Duration.ofSeconds(30);

  private SegmentsSimulator simulator;
  private SegmentsClient client;
  private final AtomicInteger retries = new AtomicInteger();

  @BeforeEach
  void startSimulatorAndClient() {
    simulator =
        SegmentsSimulator.builder()
            .port(0)
            .modifyTokens(TOKEN)
            .latency(Duration.ofMillis(1), Duration.ofMillis(20))
            .maxConcurrentRequests(50)
            .retryAfter(Duration.ofMillis(20))
            .faults(FaultInjection.seeded(6).withTooManyRequests(0.10).withServiceUnavailable(0.05))
            .build()
            .start();
    Sleeper countingSleeper =
        duration -> {
          retries.incrementAndGet();
          Thread.sleep(duration.toMillis());
        };
    client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(TOKEN)
            .baseUri(simulator.baseUri(STORE))
            .requestTimeout(Duration.ofSeconds(5))
            .acquireTimeout(Duration.ofSeconds(20))
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(5))
                    .maxBackoff(Duration.ofMillis(40))
                    .maxRateLimitWait(Duration.ofSeconds(1))
                    .build())
            .sleeper(countingSleeper)
            .limiterRegistry(registry)
            .build();
  }

  private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  @Test
  void twoThousandCallsFromTwoHundredThreadsEachEndOnceWithinTheStoreLimit() throws Exception {
    List<UUID> segments = simulator.store(STORE).fillSegments(SEEDED_SEGMENTS);
    simulator.metrics().reset();
    AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(CALLS);
    AtomicInteger endedTwice = new AtomicInteger();
    AtomicInteger untyped = new AtomicInteger();

    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      int call = i;
      callers.execute(
          () -> {
            Object outcome;
            try {
              outcome = oneCall(call, segments.get(call % SEEDED_SEGMENTS));
            } catch (SegmentsException e) {
              outcome = e;
            } catch (RuntimeException | Error e) {
              untyped.incrementAndGet();
              outcome = e;
            }
            if (!outcomes.compareAndSet(call, null, outcome)) {
              endedTwice.incrementAndGet();
            }
          });
    }
    callers.shutdown();
    boolean finished = callers.awaitTermination(WHOLE_RUN_BOUND.toSeconds(), TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    callers.shutdownNow();

    assertThat(finished).as("all %d calls ended within %s", CALLS, WHOLE_RUN_BOUND).isTrue();
    assertThat(untyped).as("outcomes that were not a result or a SegmentsException").hasValue(0);
    assertThat(endedTwice).hasValue(0);

    int successes = 0;
    int rateLimited = 0;
    int serverErrors = 0;
    for (int i = 0; i < CALLS; i++) {
      Object outcome = outcomes.get(i);
      assertThat(outcome).as("outcome of call %d", i).isNotNull();
      if (outcome instanceof RateLimitedException) {
        rateLimited++;
      } else if (outcome instanceof ServerErrorException e) {
        assertThat(e.status()).isEqualTo(503);
        serverErrors++;
      } else {
        assertThat(outcome)
            .as("call %d ended with neither a result nor an expected failure", i)
            .isNotInstanceOf(Throwable.class);
        successes++;
      }
    }

    Metrics metrics = simulator.metrics();
    long attempts = CALLS + retries.get();
    assertThat(metrics.requestsReceived())
        .as("requests the server received = client attempts (calls + retries); %s", metrics)
        .isEqualTo(attempts);
    assertThat(metrics.responsesSent()).isEqualTo(attempts);
    assertThat(metrics.responsesByStatus().keySet()).isSubsetOf(Set.of(200, 201, 429, 503));
    assertThat(metrics.responses(200) + metrics.responses(201))
        .as("2xx responses = calls that returned a result")
        .isEqualTo(successes);
    assertThat(metrics.responses(429) + metrics.responses(503))
        .as("429 and 503 responses = retries + calls that failed with one")
        .isEqualTo(retries.get() + rateLimited + serverErrors);
    assertThat(metrics.responses(429) + metrics.responses(503))
        .as("every 429 and 503 was an injected one: none came from too many in flight")
        .isEqualTo(metrics.injectedFaults());
    assertThat(metrics.peakInFlight()).isBetween(2, 10);
    assertThat(registry.permitsInUse(STORE)).as("every permit came back").isZero();
    assertThat(retries.get()).as("the seeded faults did happen").isGreaterThan(100);
    assertThat(took).isLessThan(WHOLE_RUN_BOUND);
    System.out.printf(
        "load: %d calls in %d ms, %d ok, %d 429, %d 503, %d retries, server %s%n",
        CALLS, took.toMillis(), successes, rateLimited, serverErrors, retries.get(), metrics);
  }

  /** One call of a mix: a create (POST), two updates (PUT) and a list (GET) in every four. */
  private Object oneCall(int call, UUID segment) {
    return switch (call % 4) {
      case 0 -> client.segments().create(List.of(new SegmentPost().name("load-" + call))).execute();
      case 1, 2 ->
          client
              .segments()
              .update(List.of(new SegmentPut().id(segment).description("update " + call)))
              .execute();
      default -> client.segments().list(PageParams.first()).execute();
    };
  }
}
