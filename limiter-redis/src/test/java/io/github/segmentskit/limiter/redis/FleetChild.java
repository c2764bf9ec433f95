package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.SegmentPut;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JVM of the fleet in {@link FleetAcceptanceIT} and the benchmark: a {@link SegmentsClient} on
 * a {@link RedisConcurrencyLimiter}, {@code callers} threads each renaming its own segment {@code
 * updates} times ({@code PUT /segments}, one segment per call). Arguments are {@code key=value}:
 * redis, prefix, store, base, child, ids (comma-separated, one per caller), updates,
 * requestTimeoutMs, leaseMarginMs, warmup (renames per caller before {@code ready}, to compile the
 * hot code first), trace (print every permit taken and given back), limiter ({@code local}: the
 * JVM's own limiter instead, for comparison), localLimit (that limiter's limit, default 10),
 * timeline (stamp every permit of the measured run, see {@link PermitTimeline}).
 *
 * <p>Protocol on standard output: {@code ready} once built; it then waits for a line on standard
 * input; {@code acquired <id>} / {@code released <id>} per permit with trace; {@code done ok=N
 * failed=M} at the end, preceded by up to 5 {@code failure ...} lines; then, with timeline, one
 * {@code timeline ...} line per permit.
 */
public final class FleetChild {
  private FleetChild() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arg = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      arg.put(a.substring(0, eq), a.substring(eq + 1));
    }
    String store = arg.get("store");
    String child = arg.get("child");
    List<UUID> ids = new ArrayList<>();
    for (String id : arg.get("ids").split(",")) {
      ids.add(UUID.fromString(id));
    }
    int updates = Integer.parseInt(arg.get("updates"));
    Duration requestTimeout = Duration.ofMillis(Long.parseLong(arg.get("requestTimeoutMs")));
    RedisLimiterConfig config =
        RedisLimiterConfig.builder(store)
            .redisUri(URI.create(arg.get("redis")))
            .keyPrefix(arg.get("prefix"))
            .maxConcurrentRequests(10)
            .requestTimeout(requestTimeout)
            .leaseMargin(Duration.ofMillis(Long.parseLong(arg.get("leaseMarginMs"))))
            // generous: the build machine may be busy with other builds
            .commandTimeout(Duration.ofSeconds(5))
            .build();
    boolean local = "local".equals(arg.get("limiter"));
    PermitTimeline timeline = null;
    try (RedisConcurrencyLimiter redis = local ? null : RedisConcurrencyLimiter.connect(config)) {
      ConcurrencyLimiter limiter = redis;
      if (local) {
        limiter =
            ConcurrencyLimiterRegistry.create()
                .join(store, Integer.parseInt(arg.getOrDefault("localLimit", "10")));
      }
      if (Boolean.parseBoolean(arg.get("timeline"))) {
        timeline = new PermitTimeline(limiter);
        limiter = timeline;
      } else if (Boolean.parseBoolean(arg.get("trace")) && redis != null) {
        limiter = new Tracing(redis);
      }
      run(arg, store, child, ids, updates, requestTimeout, limiter, timeline);
    }
  }

  private static void run(
      Map<String, String> arg,
      String store,
      String child,
      List<UUID> ids,
      int updates,
      Duration requestTimeout,
      ConcurrencyLimiter limiter,
      PermitTimeline timeline)
      throws Exception {
    try (SegmentsClient client = client(arg, store, requestTimeout, limiter, timeline)) {
      int warmup = Integer.parseInt(arg.getOrDefault("warmup", "0"));
      if (warmup > 0) {
        renameAll(client, ids, child, "-w", warmup, new AtomicInteger(), new ArrayList<>());
      }
      System.out.println("ready");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      AtomicInteger ok = new AtomicInteger();
      List<String> failures = new ArrayList<>();
      if (timeline != null) {
        timeline.clear();
      }
      renameAll(client, ids, child, "-u", updates, ok, failures);
      synchronized (failures) {
        failures.stream().limit(5).forEach(f -> System.out.println("failure " + f));
        System.out.println("done ok=" + ok.get() + " failed=" + failures.size());
      }
      if (timeline != null) {
        Thread.sleep(100); // the last permits are given back on the HttpClient's threads
        timeline.print();
      }
    }
  }

  /** {@code ids.size()} callers, each renaming its segment {@code times} times in a row. */
  private static void renameAll(
      SegmentsClient client,
      List<UUID> ids,
      String child,
      String suffix,
      int times,
      AtomicInteger ok,
      List<String> failures)
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(ids.size());
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      UUID id = ids.get(i);
      String name = "c" + child + "-" + i + suffix;
      running.add(
          callers.submit(
              () -> {
                for (int n = 1; n <= times; n++) {
                  try {
                    client
                        .segments()
                        .update(List.of(new SegmentPut().id(id).name(name + n)))
                        .execute();
                    ok.incrementAndGet();
                  } catch (RuntimeException e) {
                    synchronized (failures) {
                      failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                  }
                }
              }));
    }
    for (Future<?> caller : running) {
      caller.get();
    }
    callers.shutdown();
    callers.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A client on {@code limiter}; with a timeline, on an HttpClient that stamps the exchanges. */
  private static SegmentsClient client(
      Map<String, String> arg,
      String store,
      Duration requestTimeout,
      ConcurrencyLimiter limiter,
      PermitTimeline timeline) {
    SegmentsClient.Builder builder =
        SegmentsClient.builder()
            .storeHash(store)
            .accessToken("simulator-token")
            .baseUri(URI.create(arg.get("base")))
            .requestTimeout(requestTimeout)
            .acquireTimeout(Duration.ofSeconds(60))
            .concurrencyLimiter(limiter);
    if (timeline != null) {
      // as the client's own: no redirects, the default connect timeout
      builder.httpClient(
          timeline.http(
              HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build()));
    }
    return builder.build();
  }

  /** Prints every permit taken and given back, by its Redis id. */
  private static final class Tracing implements ConcurrencyLimiter {
    private final RedisConcurrencyLimiter limiter;
    private final Map<Permit, Boolean> open = new ConcurrentHashMap<>();

    Tracing(RedisConcurrencyLimiter limiter) {
      this.limiter = limiter;
    }

    @Override
    public Optional<Permit> acquire(Duration timeout) throws InterruptedException {
      Optional<Permit> permit = limiter.acquire(timeout);
      if (permit.isEmpty()) {
        return permit;
      }
      String id = ((RedisPermit) permit.get()).id();
      System.out.println("acquired " + id);
      Permit traced =
          new Permit() {
            @Override
            public void close() {
              if (open.remove(this) != null) {
                // before the close: it may hand the same id to another caller at once
                System.out.println("released " + id);
                permit.get().close();
              }
            }
          };
      open.put(traced, Boolean.TRUE);
      return Optional.of(traced);
    }

    @Override
    public void onRateLimited(Duration resetAfter) {
      limiter.onRateLimited(resetAfter);
    }

    @Override
    public void onQuota(long requestsLeft, Duration resetAfter) {
      limiter.onQuota(requestsLeft, resetAfter);
    }

    @Override
    public int maxConcurrentRequests() {
      return limiter.maxConcurrentRequests();
    }
  }
}
