package io.github.segmentskit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.segmentskit.client.CallInfo;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.EventListener;
import io.github.segmentskit.client.RetryDecision;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.generated.model.SegmentPut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Benchmark 5: SegmentsClient against the floor, at the API's limit of 10 requests in flight per
 * store. 1,000 updates ({@code PUT /segments}, 1 segment each) from 200 caller threads against a
 * {@link CannedServer} in a child JVM that holds every request 50 ms, counts the requests in flight
 * and answers 429 above 10. The bound is 10 / 50 ms = 200 updates/s.
 *
 * <ul>
 *   <li><b>floor</b>: one bare {@code java.net.http.HttpClient} (configured like the client's
 *       shared one) and one fair {@code Semaphore(10)}; every request built and its body serialized
 *       once before the run; per update: acquire, {@code send} (returns once the last byte of the
 *       response is read), release, check the status. Nothing else: no parsing, no validation.
 *   <li><b>SegmentsClient</b>: {@code n} clients of one store built with one fresh {@link
 *       ConcurrencyLimiterRegistry} per {@code n} (so one limit of 10 between them, shared with
 *       nothing else), built once and kept for every round; caller {@code c} uses client {@code c %
 *       n}; defaults otherwise (retries on).
 * </ul>
 *
 * Both contenders get the same prebuilt inputs, the same callers and the same server. In every
 * round each number of clients runs one pair, floor and SegmentsClient back to back, the order
 * alternating from round to round; the ratio of a pair is SegmentsClient's updates/s over the
 * floor's.
 */
final class FloorScenario {
  static final Duration LATENCY = Duration.ofMillis(50);
  static final int LIMIT = 10;
  static final int CALLERS = 200;
  static final int CALLS_PER_CALLER = 5;
  private static final String STORE = "floor";
  private static final String TOKEN = "bench-token";
  private static final Duration BOUND = Duration.ofMinutes(2);

  /** One contender's run of 1,000 updates. */
  /**
   * {@code events}: what the clients' {@link EventListener} saw (attempts failed by exception type,
   * retries); empty for the floor.
   */
  record Run(
      String contender,
      Callers.Tally tally,
      CannedServerProcess.Stats server,
      Map<String, Long> events) {
    Map<String, Long> failed() {
      Map<String, Long> failed = new TreeMap<>(tally.outcomes());
      failed.remove("ok");
      return failed;
    }

    double okPerSecond() {
      return tally.count("ok") / (tally.wall().toNanos() / 1e9);
    }

    double fractionOfBound() {
      return okPerSecond() / (LIMIT * 1000.0 / LATENCY.toMillis());
    }
  }

  /** The floor and SegmentsClient with {@code clients} clients, back to back in one round. */
  record Pair(int clients, int round, boolean floorFirst, Run floor, Run client) {
    double ratio() {
      return client.okPerSecond() / floor.okPerSecond();
    }
  }

  /**
   * The pairs, and a control run: the floor's requests from the same callers without the semaphore,
   * which shows that the server sees and refuses more than 10 in flight when a client sends them.
   */
  record Result(List<Pair> pairs, Run unthrottled) {}

  private FloorScenario() {}

  static Result run(int rounds, int[] clientCounts) throws Exception {
    List<List<SegmentPut>> puts = puts();
    List<Pair> pairs = new ArrayList<>();
    Run unthrottled;
    Map<Integer, Fleet> fleets = new LinkedHashMap<>();
    try (CannedServerProcess server = CannedServerProcess.holding(LATENCY, LIMIT)) {
      URI baseUri = server.baseUri(STORE);
      Floor floor = new Floor(baseUri, puts);
      // Unreported warm-up: classes loaded, code compiled, connections open, and each fleet's
      // first calls (a new client's JSON mapper introspects the models once) behind it.
      runFloor(server, floor);
      for (int clients : clientCounts) {
        Fleet fleet = new Fleet(baseUri, clients);
        fleets.put(clients, fleet);
        runFleet(server, fleet, puts);
      }
      for (int round = 1; round <= rounds; round++) {
        boolean floorFirst = round % 2 == 1;
        for (int clients : clientCounts) {
          Fleet fleet = fleets.get(clients);
          Run first = floorFirst ? runFloor(server, floor) : runFleet(server, fleet, puts);
          Run second = floorFirst ? runFleet(server, fleet, puts) : runFloor(server, floor);
          Pair pair =
              new Pair(
                  clients,
                  round,
                  floorFirst,
                  floorFirst ? first : second,
                  floorFirst ? second : first);
          System.err.printf(
              "[benchmarks] round %d, %d client(s): floor %.1f/s, SegmentsClient %.1f/s, ratio"
                  + " %.3f (load %s)%n",
              round,
              clients,
              pair.floor().okPerSecond(),
              pair.client().okPerSecond(),
              pair.ratio(),
              Machine.loadAverage());
          pairs.add(pair);
        }
      }
      // Last, with an HttpClient of its own: the control opens a connection per caller, and the
      // JDK's HttpServer keeps at most 200 idle connections; past that it closes every connection
      // after its response (without "Connection: close"), so every later request would pay a new
      // connection and some would meet one being closed ("header parser received no bytes").
      server.reset();
      unthrottled =
          new Run(
              "unthrottled control",
              Callers.run(CALLERS, 1, BOUND, floor::updateWithoutPermit),
              server.stats(),
              Map.of());
    } finally {
      fleets.values().forEach(Fleet::close);
    }
    return new Result(pairs, unthrottled);
  }

  private static Run runFloor(CannedServerProcess server, Floor floor) throws Exception {
    server.reset();
    Callers.Tally tally = Callers.run(CALLERS, CALLS_PER_CALLER, BOUND, floor::update);
    return new Run("floor", tally, server.stats(), Map.of());
  }

  private static Run runFleet(CannedServerProcess server, Fleet fleet, List<List<SegmentPut>> puts)
      throws Exception {
    fleet.events.clear();
    server.reset();
    Callers.Tally tally =
        Callers.run(
            CALLERS,
            CALLS_PER_CALLER,
            BOUND,
            (caller, call) -> {
              try {
                fleet.of(caller).segments().update(puts.get(index(caller, call))).execute();
                return "ok";
              } catch (SegmentsApiException e) {
                return String.valueOf(e.status());
              }
            });
    CannedServerProcess.Stats stats = server.stats();
    int left = fleet.registry.permitsInUse(STORE);
    if (left != 0) {
      throw new IllegalStateException("permits still out after the run: " + left);
    }
    Map<String, Long> events = new TreeMap<>();
    fleet.events.forEach((event, count) -> events.put(event, count.sum()));
    return new Run("SegmentsClient x" + fleet.clients.size(), tally, stats, events);
  }

  /**
   * {@code n} clients of one store with their own registry (one limit of 10 between them, shared
   * with no other configuration); built once, used by every round, like clients an application
   * keeps.
   */
  private static final class Fleet implements AutoCloseable {
    private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
    private final List<SegmentsClient> clients = new ArrayList<>();
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final Map<String, Boolean> firstFailures = new ConcurrentHashMap<>();

    Fleet(URI baseUri, int count) {
      EventListener counting =
          new EventListener() {
            @Override
            public void attemptFailed(
                CallInfo call, int attempt, SegmentsException failure, Duration duration) {
              String type = failure.getClass().getSimpleName();
              if (firstFailures.putIfAbsent(type, Boolean.TRUE) == null) {
                Throwable cause = failure.getCause();
                System.err.printf(
                    "[benchmarks] first %s of an attempt: %s (cause: %s)%n",
                    type, failure.getMessage(), cause == null ? "none" : cause.toString());
              }
              count("attempt failed: " + type);
            }

            @Override
            public void retrying(CallInfo call, int attempt, RetryDecision decision) {
              count("retry");
            }
          };
      for (int i = 0; i < count; i++) {
        clients.add(
            SegmentsClient.builder()
                .storeHash(STORE)
                .accessToken(TOKEN)
                .baseUri(baseUri)
                .limiterRegistry(registry)
                .maxConcurrentRequests(LIMIT)
                .acquireTimeout(Duration.ofSeconds(60))
                .eventListener(counting)
                .build());
      }
    }

    private void count(String event) {
      events.computeIfAbsent(event, key -> new LongAdder()).increment();
    }

    /** The client caller {@code caller} uses. */
    SegmentsClient of(int caller) {
      return clients.get(caller % clients.size());
    }

    @Override
    public void close() {
      clients.forEach(SegmentsClient::close);
    }
  }

  private static int index(int caller, int call) {
    return caller * CALLS_PER_CALLER + call;
  }

  /** The updates of the run, one per caller and call: the same for both contenders. */
  private static List<List<SegmentPut>> puts() {
    List<List<SegmentPut>> puts = new ArrayList<>(CALLERS * CALLS_PER_CALLER);
    for (int caller = 0; caller < CALLERS; caller++) {
      UUID segment = new UUID(0x3fa85f6457174562L, 0xb3fc2c963f66afa6L + caller);
      for (int call = 0; call < CALLS_PER_CALLER; call++) {
        puts.add(List.of(new SegmentPut().id(segment).description("update " + call)));
      }
    }
    return List.copyOf(puts);
  }

  /**
   * The floor: bare {@code java.net.http} under a fair semaphore of 10, every request built and
   * serialized before the run. The permit is taken for a request ready to go and given back once
   * {@code send} returns, which is when the last byte of the response has been read.
   */
  private static final class Floor {
    private final HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final HttpClient unthrottled =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Semaphore permits = new Semaphore(LIMIT, true);
    private final List<HttpRequest> requests;

    Floor(URI baseUri, List<List<SegmentPut>> puts) {
      ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
      URI segments = URI.create(baseUri + "/segments");
      List<HttpRequest> built = new ArrayList<>(puts.size());
      for (List<SegmentPut> put : puts) {
        byte[] body;
        try {
          body = mapper.writeValueAsBytes(put);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        built.add(
            HttpRequest.newBuilder(segments)
                .timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", TOKEN)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
      }
      this.requests = List.copyOf(built);
    }

    String update(int caller, int call) throws IOException, InterruptedException {
      HttpRequest request = requests.get(index(caller, call));
      int status;
      permits.acquire();
      try {
        status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
      } finally {
        permits.release();
      }
      return status == 201 ? "ok" : String.valueOf(status);
    }

    /** The control: the same request without a permit, on an HttpClient of its own. */
    String updateWithoutPermit(int caller, int call) throws IOException, InterruptedException {
      int status =
          unthrottled
              .send(requests.get(index(caller, call)), HttpResponse.BodyHandlers.ofByteArray())
              .statusCode();
      return status == 201 ? "ok" : String.valueOf(status);
    }
  }
}
