package io.github.segmentskit.benchmarks;

import io.github.segmentskit.client.ChunkedResult;
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
 */
final class ChunkingScenario {
  static final int PROFILES = 5_000;
  static final Duration LATENCY = Duration.ofMillis(50);
  static final int LIMIT = 10;
  private static final String TOKEN = "bench-token";

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
        client.segments().shopperProfiles(segment).add(profiles).execute();
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
