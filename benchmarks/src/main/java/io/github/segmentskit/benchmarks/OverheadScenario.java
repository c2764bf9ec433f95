package io.github.segmentskit.benchmarks;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.SegmentPut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark 2: the time of one {@code segments().update} call of 1, 10 and 100 segments through
 * SegmentsClient and through a hand-built {@code java.net.http} request ({@link HandBuiltCall}),
 * one call at a time against the same zero-latency server in a child process ({@link
 * CannedServer}). The two alternate in blocks of 100 calls so that both meet the same machine
 * noise.
 */
final class OverheadScenario {
  static final int[] SIZES = {1, 10, 100};
  private static final String TOKEN = "bench-token";
  private static final int BLOCK = 100;

  /** The timings of one payload size. */
  record Row(int size, Stats client, Stats handBuilt) {
    double medianRatio() {
      return client.median() / handBuilt.median();
    }

    double p99Ratio() {
      return client.p99() / handBuilt.p99();
    }
  }

  /** Median and 99th percentile, in microseconds, of {@code samples} calls. */
  record Stats(int samples, double median, double p99) {
    static Stats of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Stats(
          sorted.length,
          sorted[sorted.length / 2] / 1_000.0,
          sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1_000.0);
    }
  }

  private OverheadScenario() {}

  static List<Row> run(int warmupCalls, int measuredCalls) {
    List<Row> rows = new ArrayList<>();
    try (CannedServerProcess server = CannedServerProcess.start();
        SegmentsClient client =
            SegmentsClient.builder()
                .storeHash("overhead")
                .accessToken(TOKEN)
                .limiterRegistry(ConcurrencyLimiterRegistry.create())
                .baseUri(server.baseUri("overhead"))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      HandBuiltCall handBuilt = new HandBuiltCall(server.baseUri("overhead"), TOKEN);
      for (int size : SIZES) {
        List<SegmentPut> puts = Payloads.updates(size);
        alternate(client, handBuilt, puts, warmupCalls, null, null);
        long[] viaClient = new long[measuredCalls];
        long[] viaHand = new long[measuredCalls];
        alternate(client, handBuilt, puts, measuredCalls, viaClient, viaHand);
        rows.add(new Row(size, Stats.of(viaClient), Stats.of(viaHand)));
      }
    }
    return rows;
  }

  private static void alternate(
      SegmentsClient client,
      HandBuiltCall handBuilt,
      List<SegmentPut> puts,
      int calls,
      long[] viaClient,
      long[] viaHand) {
    for (int done = 0; done < calls; done += BLOCK) {
      int end = Math.min(calls, done + BLOCK);
      for (int i = done; i < end; i++) {
        long start = System.nanoTime();
        int items = client.segments().update(puts).execute().size();
        long took = System.nanoTime() - start;
        check(items, puts.size());
        if (viaClient != null) {
          viaClient[i] = took;
        }
      }
      for (int i = done; i < end; i++) {
        long start = System.nanoTime();
        int items = handBuilt.updateSegments(puts).getData().size();
        long took = System.nanoTime() - start;
        check(items, puts.size());
        if (viaHand != null) {
          viaHand[i] = took;
        }
      }
    }
  }

  private static void check(int items, int expected) {
    if (items != expected) {
      throw new IllegalStateException("expected " + expected + " segments back, got " + items);
    }
  }
}
