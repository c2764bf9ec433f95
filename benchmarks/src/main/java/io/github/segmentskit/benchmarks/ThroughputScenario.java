package io.github.segmentskit.benchmarks;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.generated.api.SegmentsApi;
import io.github.segmentskit.generated.invoker.ApiException;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.support.AccessToken;
import io.github.segmentskit.generated.support.GeneratedApiClients;
import io.github.segmentskit.simulator.Metrics;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark 1: 1,000 {@code segments().update} calls from 100 callers against the simulator with a
 * fixed latency of 50 ms and the API's cap of 10 requests in flight. The physical best is 10 / 50
 * ms = 200 calls/s. Three clients, one after the other in the same run: SegmentsClient, the bare
 * generated client, and the bare client behind a resilience4j Bulkhead of 10.
 */
final class ThroughputScenario {
  static final Duration LATENCY = Duration.ofMillis(50);
  static final int LIMIT = 10;
  static final int CALLERS = 100;
  static final int CALLS_PER_CALLER = 10;
  private static final String TOKEN = "bench-token";
  private static final int UNBOUNDED_QUOTA = 1_000_000;
  private static final String JSON = "application/json";

  /**
   * One client's run; {@code sequentialMillis} is the mean time of one call made alone just before
   * (latency plus everything else a request costs: the floor of each of the 10 slots).
   */
  record Row(
      String client,
      int round,
      double sequentialMillis,
      Callers.Tally tally,
      long received,
      long tooMany,
      int peak) {
    double okPerSecond() {
      return tally.count("ok") / (tally.wall().toNanos() / 1e9);
    }

    double fractionOfBound() {
      return okPerSecond() / (LIMIT * 1000.0 / LATENCY.toMillis());
    }

    /** Against the bound this machine allows: 10 slots, each taking one call's time alone. */
    double fractionOfMeasuredFloor() {
      return okPerSecond() / (LIMIT * 1000.0 / sequentialMillis);
    }
  }

  private ThroughputScenario() {}

  static List<Row> run(int rounds) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .port(0)
            .modifyTokens(TOKEN)
            .latency(LATENCY)
            .maxConcurrentRequests(LIMIT)
            // The default reported quota (150 per 30 s) would make SegmentsClient pause the store
            // once X-Rate-Limit-Requests-Left reaches 0, as it should against a real store; this
            // benchmark measures the limit of 10 in flight, so the quota must not bind.
            .rateLimit(UNBOUNDED_QUOTA, Duration.ofSeconds(30))
            .build()
            .start()) {
      String store = "throughput";
      List<UUID> segments = simulator.store(store).fillSegments(CALLERS);
      for (int round = 1; round <= rounds; round++) {
        // The order rotates from round to round, so that no client always goes first.
        for (int i = 0; i < 3; i++) {
          switch ((round - 1 + i) % 3) {
            case 0 -> rows.add(segmentsClient(simulator, store, segments, round));
            case 1 -> rows.add(bare(simulator, store, segments, round, false));
            default -> rows.add(bare(simulator, store, segments, round, true));
          }
        }
      }
    }
    return rows;
  }

  private static Row segmentsClient(
      SegmentsSimulator simulator, String store, List<UUID> segments, int round) throws Exception {
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(store)
            .accessToken(TOKEN)
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .baseUri(simulator.baseUri(store))
            .acquireTimeout(Duration.ofSeconds(60))
            .build()) {
      double sequential =
          sequentialMillis(() -> client.segments().update(update(segments.get(0), -1)).execute());
      return measure(
          "SegmentsClient",
          round,
          sequential,
          simulator,
          (caller, call) -> {
            try {
              client.segments().update(update(segments.get(caller), call)).execute();
              return "ok";
            } catch (SegmentsApiException e) {
              return String.valueOf(e.status());
            }
          });
    }
  }

  private static Row bare(
      SegmentsSimulator simulator,
      String store,
      List<UUID> segments,
      int round,
      boolean withBulkhead)
      throws Exception {
    SegmentsApi api =
        new SegmentsApi(
            GeneratedApiClients.forStore(
                simulator.baseUri(store),
                AccessToken.of(TOKEN),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60)));
    Bulkhead bulkhead =
        Bulkhead.of(
            "segments-" + store,
            BulkheadConfig.custom()
                .maxConcurrentCalls(LIMIT)
                .maxWaitDuration(Duration.ofSeconds(60))
                .fairCallHandlingStrategyEnabled(true)
                .build());
    double sequential =
        sequentialMillis(() -> api.putSegmentObjects(JSON, JSON, update(segments.get(0), -1)));
    return measure(
        withBulkhead ? "bare generated + Bulkhead(10)" : "bare generated client",
        round,
        sequential,
        simulator,
        (caller, call) -> {
          List<SegmentPut> body = update(segments.get(caller), call);
          try {
            if (withBulkhead) {
              bulkhead.executeCheckedSupplier(() -> api.putSegmentObjects(JSON, JSON, body));
            } else {
              api.putSegmentObjects(JSON, JSON, body);
            }
            return "ok";
          } catch (ApiException e) {
            return String.valueOf(e.getCode());
          } catch (Throwable e) {
            return e.getClass().getSimpleName();
          }
        });
  }

  private static Row measure(
      String name, int round, double sequential, SegmentsSimulator simulator, Callers.Call call)
      throws Exception {
    Metrics metrics = simulator.metrics();
    metrics.reset();
    Callers.Tally tally = Callers.run(CALLERS, CALLS_PER_CALLER, Duration.ofMinutes(2), call);
    return new Row(
        name,
        round,
        sequential,
        tally,
        metrics.requestsReceived(),
        metrics.tooManyRequests(),
        metrics.peakInFlight());
  }

  /**
   * Warms up (3 calls: connections and classes ready before the clock starts), then returns the
   * mean time of the successful ones of 20 calls made one at a time, in milliseconds. A failed call
   * is reported on standard error and left out (the bare client does not retry anything).
   */
  private static double sequentialMillis(ThrowingCall call) {
    for (int i = 0; i < 3; i++) {
      timeOf(call);
    }
    long total = 0;
    int succeeded = 0;
    for (int i = 0; i < 20; i++) {
      long took = timeOf(call);
      if (took >= 0) {
        total += took;
        succeeded++;
      }
    }
    return succeeded == 0 ? Double.NaN : total / 1e6 / succeeded;
  }

  /** The nanoseconds one call took, or -1 if it failed. */
  private static long timeOf(ThrowingCall call) {
    long start = System.nanoTime();
    try {
      call.run();
      return System.nanoTime() - start;
    } catch (Exception e) {
      System.err.println("[benchmarks] a call made alone failed: " + e);
      return -1;
    }
  }

  @FunctionalInterface
  private interface ThrowingCall {
    Object run() throws Exception;
  }

  private static List<SegmentPut> update(UUID segment, int call) {
    return List.of(new SegmentPut().id(segment).description("update " + call));
  }
}
