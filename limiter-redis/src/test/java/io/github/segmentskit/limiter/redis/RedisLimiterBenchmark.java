package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark behind the "Fleet limiter on Redis" section of BENCHMARKS.md; Markdown on standard
 * output, progress on standard error. Run it with
 *
 * <pre>
 * ./mvnw -B -q -pl limiter-redis -am test -Predis-benchmark -DskipTests
 * </pre>
 *
 * <ol>
 *   <li>the cost of one acquire + release, one caller at a time: the Redis limiter (embedded
 *       redis-server on loopback, or {@code REDIS_URL}) against the JVM's own limiter (a {@link
 *       ConcurrencyLimiterRegistry} lease);
 *   <li>throughput at the limit: the simulator (10 in flight, 50 ms latency) and 200 callers × 10
 *       renames split over 1, 2 and 4 child JVMs ({@link FleetChild}) sharing the Redis limiter;
 *       and 1 JVM on its own limiter, for comparison.
 * </ol>
 */
public final class RedisLimiterBenchmark {
  private static final int WARMUP = 2_000;
  private static final int MEASURED = 10_000;
  private static final int TOTAL_CALLERS = 200;
  private static final int UPDATES = 10;
  private static final int ROUNDS = 2;

  private RedisLimiterBenchmark() {}

  public static void main(String[] args) throws Exception {
    String loadAtStart = loadAverage();
    StringBuilder report = new StringBuilder();
    String redisVersion;
    try (TestRedis redis = TestRedis.start()) {
      redisVersion = redisVersion(redis);
      report.append(acquireRelease(redis));
      report.append(throughput(redis));
    }
    System.out.println("### Machine and run\n");
    System.out.println("| | |\n|---|---|");
    System.out.println("| date | " + Instant.now() + " |");
    System.out.println("| cores (nproc) | " + Runtime.getRuntime().availableProcessors() + " |");
    System.out.println(
        "| JDK | "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " |");
    System.out.println("| Redis | " + redisVersion + " |");
    System.out.println("| load average (1, 5, 15 min) at start | " + loadAtStart + " |");
    System.out.println("| load average (1, 5, 15 min) at end | " + loadAverage() + " |");
    System.out.println();
    System.out.print(report);
    System.exit(0);
  }

  private static String acquireRelease(TestRedis redis) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("### Acquire + release, one caller\n\n")
        .append(WARMUP)
        .append(" warm-up then ")
        .append(MEASURED)
        .append(" measured pairs each; µs per acquire + release. The Redis permit's release is")
        .append(" sent without waiting for the reply, as the client does.\n\n")
        .append("| limiter | mean | median | p99 |\n|---|---|---|---|\n");
    ConcurrencyLimiterRegistry.Lease local = ConcurrencyLimiterRegistry.create().join("bench", 10);
    out.append(row("local (registry lease)", time(local)));
    try (RedisConcurrencyLimiter remote =
        RedisConcurrencyLimiter.connect(
            RedisLimiterConfig.builder("bench")
                .redisUri(redis.uri())
                .keyPrefix(TestConfigs.uniquePrefix())
                .build())) {
      out.append(row("Redis (RedisConcurrencyLimiter)", time(remote)));
    }
    local.close();
    return out.append('\n').toString();
  }

  private static long[] time(ConcurrencyLimiter limiter) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      limiter.acquire(Duration.ofSeconds(5)).orElseThrow().close();
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      limiter.acquire(Duration.ofSeconds(5)).orElseThrow().close();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static String row(String name, long[] sorted) {
    double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
    return String.format(
        "| %s | %.1f | %.1f | %.1f |%n",
        name,
        mean,
        sorted[sorted.length / 2] / 1000.0,
        sorted[(int) (sorted.length * 0.99)] / 1000.0);
  }

  private static String throughput(TestRedis redis) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("### Throughput at the limit\n\n")
        .append(TOTAL_CALLERS * UPDATES)
        .append(" renames (`PUT /segments`, one segment each) from ")
        .append(TOTAL_CALLERS)
        .append(" callers split over the JVMs; simulator latency 50 ms, at most 10 in flight")
        .append(" (more get 429); bound 10 / 50 ms = 200 calls/s. Wall time from the start")
        .append(
            " signal (JVMs up, each warmed up by 2 renames per caller) to the last JVM's end.\n\n")
        .append("| JVMs | limiter | round | wall (s) | succeeded | 429s | peak in flight |")
        .append(" calls/s | fraction of 200/s |\n|---|---|---|---|---|---|---|---|---|\n");
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .port(0)
            .latency(Duration.ofMillis(50))
            .maxConcurrentRequests(10)
            .threads(64)
            .rateLimit(1_000_000, Duration.ofSeconds(30))
            .build()
            .start()) {
      for (int round = 1; round <= ROUNDS; round++) {
        out.append(run(simulator, redis, 1, "local (one JVM)", round, true));
        for (int jvms : new int[] {1, 2, 4}) {
          out.append(run(simulator, redis, jvms, "Redis", round, false));
        }
      }
    }
    return out.append('\n').toString();
  }

  private static String run(
      SegmentsSimulator simulator,
      TestRedis redis,
      int jvms,
      String limiter,
      int round,
      boolean local)
      throws Exception {
    System.err.println("throughput: " + jvms + " JVM(s), " + limiter + ", round " + round);
    simulator.resetAllStores();
    simulator.metrics().reset();
    String store = "bench";
    String prefix = TestConfigs.uniquePrefix();
    List<ChildJvm> children = new ArrayList<>();
    try {
      for (int c = 0; c < jvms; c++) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TOTAL_CALLERS / jvms; i++) {
          ids.add(simulator.store(store).createSegment("seg-" + c + "-" + i, "").toString());
        }
        children.add(
            ChildJvm.start(
                FleetChild.class,
                List.of(
                    "redis=" + redis.uri(),
                    "prefix=" + prefix,
                    "store=" + store,
                    "base=" + simulator.baseUri(store),
                    "child=" + c,
                    "ids=" + String.join(",", ids),
                    "updates=" + UPDATES,
                    "requestTimeoutMs=10000",
                    "leaseMarginMs=1000",
                    "trace=false",
                    "warmup=2",
                    "limiter=" + (local ? "local" : "redis")),
                line -> {}));
      }
      for (ChildJvm child : children) {
        if (!child.awaitLine("ready", 60_000)) {
          throw new IllegalStateException("child not ready: " + child.lines());
        }
      }
      simulator.metrics().reset(); // the warm-up renames are not counted
      long start = System.nanoTime();
      for (ChildJvm child : children) {
        child.send("go");
      }
      for (ChildJvm child : children) {
        if (!child.awaitExit(300_000)) {
          throw new IllegalStateException("child did not end");
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long succeeded = simulator.metrics().responses(201);
      double perSecond = succeeded / seconds;
      return String.format(
          "| %d | %s | %d | %.2f | %d | %d | %d | %.1f | %.3f |%n",
          jvms,
          limiter,
          round,
          seconds,
          succeeded,
          simulator.metrics().tooManyRequests(),
          simulator.metrics().peakInFlight(),
          perSecond,
          perSecond / 200.0);
    } finally {
      for (ChildJvm child : children) {
        child.close();
      }
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (Exception e) {
      return String.format(
          "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String redisVersion(TestRedis redis) {
    try (RespClient admin = RespClient.to(redis)) {
      String info = new String((byte[]) admin.call("INFO", "server"), StandardCharsets.UTF_8);
      String version =
          info.lines()
              .filter(l -> l.startsWith("redis_version:"))
              .findFirst()
              .orElse("redis_version:?")
              .substring("redis_version:".length());
      String external = System.getenv("REDIS_URL");
      return "redis-server "
          + version
          + (external != null && !external.isBlank()
              ? " (REDIS_URL)"
              : " (embedded-redis 1.4.3's bundled binary), loopback");
    } catch (Exception e) {
      return "unknown (" + e + ")";
    }
  }
}
