package io.github.segmentskit.benchmarks;

import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.simulator.Metrics;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.SimulatedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark 4: adding 5,000 shopper profiles to a segment, which the client splits into 100
 * requests of 50 and sends within the limit of 10 in flight, against the simulator with a fixed
 * latency of 50 ms. The bound is 100 / 10 * 50 ms = 500 ms.
 *
 * <p>In 2.0 {@code execute()} sends the chunks one after another on the caller's thread (bound 100
 * x 50 ms = 5 s); {@code executeAsync()} sends them all at once on the client's pool, within the
 * limit. This benchmark measures the second, the one that splits a large add across the limit.
 */
final class ChunkingScenario {
  static final int PROFILES = 5_000;
  static final Duration LATENCY = Duration.ofMillis(50);
  static final int LIMIT = 10;
  private static final String TOKEN = "bench-token";
  private static final int UNBOUNDED_QUOTA = 1_000_000;

  /** One add of 5,000 profiles. */
  record Row(
      int run, Duration wall, int chunks, int failedChunks, long requests, long tooMany, int peak) {
    double boundMillis() {
      return Math.ceil(chunks / (double) LIMIT) * LATENCY.toMillis();
    }
  }

  private ChunkingScenario() {}

  static List<Row> run(int runs) {
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
      String hash = "chunking";
      SimulatedStore store = simulator.store(hash);
      List<UUID> profiles = new ArrayList<>(PROFILES);
      for (int i = 0; i < PROFILES; i++) {
        profiles.add(store.createShopperProfile(1_000 + i));
      }
      try (SegmentsClient client =
          SegmentsClient.builder()
              .storeHash(hash)
              .accessToken(TOKEN)
              .limiterRegistry(ConcurrencyLimiterRegistry.create())
              .baseUri(simulator.baseUri(hash))
              .build()) {
        // One run to start the client's threads and connections; not reported.
        add(client, store, simulator.metrics(), profiles, 0);
        for (int run = 1; run <= runs; run++) {
          rows.add(add(client, store, simulator.metrics(), profiles, run));
        }
      }
    }
    return rows;
  }

  private static Row add(
      SegmentsClient client, SimulatedStore store, Metrics metrics, List<UUID> profiles, int run) {
    UUID segment = store.createSegment("chunking run " + run, "");
    metrics.reset();
    long start = System.nanoTime();
    ChunkedResult<ShopperProfile> result =
        client.segments().shopperProfiles(segment).add(profiles).executeAsync().join();
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return new Row(
        run,
        wall,
        result.chunks().size(),
        result.failed().size(),
        metrics.requestsReceived(),
        metrics.tooManyRequests(),
        metrics.peakInFlight());
  }
}
