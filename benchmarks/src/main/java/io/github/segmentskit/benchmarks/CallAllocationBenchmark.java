package io.github.segmentskit.benchmarks;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.SegmentsWriteResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 3 (JMH, run with {@code -prof gc}): time and allocated bytes of one {@code
 * segments().update} call of 1, 10 and 100 segments, SegmentsClient against a hand-built {@code
 * java.net.http} call. The server runs in a child process, so {@code gc.alloc.rate.norm} counts the
 * client side only (the calling thread and the JDK HttpClient's own threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class CallAllocationBenchmark {
  @Param({"1", "10", "100"})
  public int segments;

  private CannedServerProcess server;
  private SegmentsClient client;
  private HandBuiltCall handBuilt;
  private List<SegmentPut> puts;

  @Setup
  public void start() {
    server = CannedServerProcess.start();
    client =
        SegmentsClient.builder()
            .storeHash("alloc")
            .accessToken("bench-token")
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .baseUri(server.baseUri("alloc"))
            .retryPolicy(RetryPolicy.none())
            .build();
    handBuilt = new HandBuiltCall(server.baseUri("alloc"), "bench-token");
    puts = Payloads.updates(segments);
  }

  @TearDown
  public void stop() {
    client.close();
    server.close();
  }

  @Benchmark
  public List<Segment> segmentsClient() {
    return client.segments().update(puts).execute();
  }

  @Benchmark
  public SegmentsWriteResponse handBuilt() {
    return handBuilt.updateSegments(puts);
  }
}
