package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.client.ConcurrencyLimiter.Permit;
import io.github.segmentskit.simulator.Operation;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The proof: a fleet of 4 separate JVMs (child processes), each with 50 callers renaming their own
 * segments through a {@link RedisConcurrencyLimiter}, against the simulator with a limit of 10 in
 * flight and 50 ms latency. The fleet keeps the store's limit exactly, draws no 429, does every
 * call once, and runs at the limit's throughput; a JVM killed with -9 mid-run loses its permits to
 * the others within the lease.
 *
 * <p>The proof asks {@link #REQUIRED_FRACTION} of the bound. A run that falls short is judged
 * against what the machine does at that moment: the same fleet runs again on local limiters, and
 * the Redis fleet must reach {@link #REQUIRED_OF_CONTROL} of that (a busy host or a slower runner
 * cannot reach the bar even without Redis; measured on 2 cores: 0.83 to 0.93 with Redis, 0.94 for
 * the control when quiet).
 *
 * <p>Each child of the proof run first renames its segments twice (the warm-up, not counted), so
 * that throughput is measured on compiled code; the time runs from the start signal to the last
 * child's report that its last call has its answer (its shutdown after that is no call). Sizes:
 * {@code -Dfleet.updates=25} (per caller, the proof run), {@code -Dfleet.killRunUpdates=6} (the
 * kill run, smaller to keep the build short; 25 runs it at full size). Diagnosis: {@code
 * -Dfleet.timeline=true} prints where the permit cycle goes ({@link FleetTimeline}); {@code
 * -Dfleet.control=true} runs the same fleet on local limiters after the proof, to show what the
 * machine does without Redis at that moment.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // the proof, and on a slow machine the control
@Isolated("a throughput proof of 4 child JVMs, and a control run that must see the same machine")
class FleetAcceptanceIT {
  private static final String STORE = "fleet1";
  private static final int CHILDREN = 4;
  private static final int CALLERS = 50;
  private static final int LIMIT = 10;
  private static final Duration LATENCY = Duration.ofMillis(50);

  /** The throughput the proof asks, as a fraction of the bound {@code LIMIT / LATENCY}. */
  private static final double REQUIRED_FRACTION = 0.85;

  /**
   * When a run falls short of {@link #REQUIRED_FRACTION}, the fraction of the control's throughput
   * (the same fleet on local limiters, right after) that the Redis fleet must still reach: 0.90,
   * which is 0.85 of the bound where the machine's control reaches 0.94, as this 2-core machine's
   * does when it is quiet. On a machine that cannot reach the bar even without Redis (a busy host,
   * a slower CI runner), this judges the limiter, not the machine.
   */
  private static final double REQUIRED_OF_CONTROL = 0.90;

  /** The proof run's request timeout: long, so that a busy machine does not time calls out. */
  private static final Duration PROOF_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The kill run's: short, so that the lease (timeout + margin) ends within the test. */
  private static final Duration KILL_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);
  private static final long LEASE_MILLIS = KILL_REQUEST_TIMEOUT.plus(LEASE_MARGIN).toMillis();

  private static TestRedis redis;
  private static SegmentsSimulator simulator;
  private final List<ChildJvm> children = new ArrayList<>();
  private String prefix;

  @BeforeAll
  static void start() {
    redis = TestRedis.start();
    simulator =
        SegmentsSimulator.builder()
            .port(0)
            .latency(LATENCY)
            .maxConcurrentRequests(LIMIT)
            .threads(64)
            // The default reported quota (150 per 30 s) would make the client pace on
            // X-Rate-Limit-Requests-Left: 0; this test is about the in-flight limit.
            .rateLimit(1_000_000, Duration.ofSeconds(30))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    try {
      simulator.close();
    } finally {
      redis.close();
    }
  }

  @BeforeEach
  void freshStore() {
    prefix = TestConfigs.uniquePrefix();
    simulator.resetAllStores();
    simulator.metrics().reset();
  }

  @AfterEach
  void stopChildren() throws Exception {
    for (ChildJvm child : children) {
      child.close();
    }
  }

  @Test
  void fourJvmsKeepTheLimitOfTenWithNo429sDoEveryCallOnceAtFullThroughput() throws Exception {
    int updates = Integer.getInteger("fleet.updates", 25);
    List<List<UUID>> segments = segments();
    Run run = run(segments, c -> updates, c -> List.of());
    System.out.println("fleet: children done after " + run.done() + ", ended after " + run.ended());

    int calls = CHILDREN * CALLERS * updates;
    for (ChildJvm child : children) {
      assertThat(child.lineStartingWith("done"))
          .as("child output %s", child.lines())
          .isEqualTo("done ok=" + CALLERS * updates + " failed=0");
    }
    assertThat(simulator.metrics().tooManyRequests()).isZero();
    assertThat(simulator.metrics().peakInFlight()).isEqualTo(LIMIT);
    // Every call succeeded (one request at least) and the simulator received exactly as many
    // requests as calls: each call was sent once. Each segment holds its caller's last rename.
    assertThat(simulator.metrics().requests(Operation.PUT_SEGMENT_OBJECTS)).isEqualTo(calls);
    assertThat(simulator.metrics().responses(201)).isEqualTo(calls);
    assertEverySegmentRenamed(segments, updates, Set.of());

    double perSecond = calls / (run.nanos() / 1e9);
    double bound = LIMIT / (LATENCY.toMillis() / 1000.0);
    System.out.printf(
        "fleet: %d calls in %.2f s = %.1f/s, %.3f of the bound %.0f/s (load average %s)%n",
        calls, run.nanos() / 1e9, perSecond, perSecond / bound, bound, loadAverage());
    double fraction = perSecond / bound;
    if (fraction >= REQUIRED_FRACTION && !Boolean.getBoolean("fleet.control")) {
      return;
    }
    // Below the bar (or asked for): is it the limiter, or this machine at this moment? The same
    // fleet on local limiters, right after, shows what the machine does without Redis.
    double control = control(segments, updates, bound);
    if (fraction < REQUIRED_FRACTION) {
      assertThat(fraction)
          .as(
              "the fleet reached %.3f of the bound, below %.2f; the same fleet on local limiters"
                  + " right after reached %.3f, and the Redis fleet must reach %.2f of that",
              fraction, REQUIRED_FRACTION, control, REQUIRED_OF_CONTROL)
          .isGreaterThanOrEqualTo(REQUIRED_OF_CONTROL * control);
    }
  }

  /**
   * The control, right after the proof when the proof fell short of {@link #REQUIRED_FRACTION} (or
   * with {@code -Dfleet.control=true}): what this machine does with the same 4 JVMs, callers and
   * calls without Redis, each child on a local limiter of its own share of the 10 permits (3, 3, 2,
   * 2) and with work in proportion to it (its callers rename 30, 30, 20, 20 times for 25), so that
   * they end together. Returns its fraction of the bound.
   */
  private double control(List<List<UUID>> segments, int updates, double bound) throws Exception {
    for (ChildJvm child : children) {
      child.close();
    }
    children.clear();
    simulator.metrics().reset();
    int[] shares = {3, 3, 2, 2};
    Run run =
        run(
            segments,
            c -> updates * shares[c] * CHILDREN / LIMIT,
            c -> List.of("limiter=local", "localLimit=" + shares[c]));
    long calls = simulator.metrics().responses(201);
    double perSecond = calls / (run.nanos() / 1e9);
    System.out.printf(
        "control: 4 JVMs on local limiters 3+3+2+2: %d calls in %.2f s = %.1f/s, %.3f of the"
            + " bound; %d 429s, peak %d in flight (load average %s)%n",
        calls,
        run.nanos() / 1e9,
        perSecond,
        perSecond / bound,
        simulator.metrics().tooManyRequests(),
        simulator.metrics().peakInFlight(),
        loadAverage());
    assertThat(calls).as("control calls").isEqualTo((long) CHILDREN * CALLERS * updates);
    assertThat(simulator.metrics().peakInFlight()).isLessThanOrEqualTo(LIMIT);
    return perSecond / bound;
  }

  /**
   * Starts the children (each warmed up by 2 renames per caller, not counted), starts their callers
   * together, and waits for them to end. The time measured runs from the start signal to the last
   * child's {@code done}, which it prints once its last call has its answer: a child's shutdown
   * afterwards (its Redisson client, its JVM) is not part of the calls.
   */
  private Run run(
      List<List<UUID>> segments,
      java.util.function.IntUnaryOperator updates,
      java.util.function.IntFunction<List<String>> extra)
      throws Exception {
    boolean timeline = Boolean.getBoolean("fleet.timeline");
    Map<Integer, Long> doneAt = new ConcurrentHashMap<>();
    for (int c = 0; c < CHILDREN; c++) {
      int child = c;
      List<String> more = new ArrayList<>(extra.apply(c));
      more.add("timeline=" + timeline);
      children.add(
          startChild(
              c,
              segments.get(c),
              updates.applyAsInt(c),
              PROOF_REQUEST_TIMEOUT,
              2,
              false,
              line -> {
                if (line.startsWith("done")) {
                  doneAt.put(child, System.nanoTime());
                }
              },
              more));
    }
    long start = go();
    List<String> ended = new ArrayList<>();
    for (ChildJvm child : children) {
      assertThat(child.awaitExit(90_000)).as("child ended").isTrue();
      ended.add(String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9));
    }
    assertThat(doneAt).as("every child said done").hasSize(CHILDREN);
    List<String> done = new ArrayList<>();
    for (int c = 0; c < CHILDREN; c++) {
      done.add(String.format(Locale.ROOT, "%.2f s", (doneAt.get(c) - start) / 1e9));
    }
    if (timeline) {
      List<long[]> permits = new ArrayList<>();
      for (ChildJvm child : children) {
        for (String line : child.lines()) {
          long[] stamps = FleetTimeline.parse(line);
          if (stamps != null) {
            permits.add(stamps);
          }
        }
      }
      System.out.print(FleetTimeline.summary(permits, LIMIT));
    }
    long last = doneAt.values().stream().mapToLong(t -> t - start).max().orElseThrow();
    return new Run(last, done, ended);
  }

  /**
   * How long the calls took (start signal to the last done), and when each child was done/ended.
   */
  private record Run(long nanos, List<String> done, List<String> ended) {}

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  @Test
  void aJvmKilledMidRunLosesItsPermitsWithinTheLeaseAndTheOthersFinish() throws Exception {
    int updates = Integer.getInteger("fleet.killRunUpdates", 6);
    List<List<UUID>> segments = segments();
    Set<String> held = ConcurrentHashMap.newKeySet();
    List<String> acquired = new ArrayList<>();
    Consumer<String> trace =
        line -> {
          if (line.startsWith("acquired ")) {
            held.add(line.substring(9));
            synchronized (acquired) {
              acquired.add(line.substring(9));
            }
          } else if (line.startsWith("released ")) {
            held.remove(line.substring(9));
          }
        };
    for (int c = 0; c < CHILDREN; c++) {
      children.add(
          startChild(
              c,
              segments.get(c),
              updates,
              KILL_REQUEST_TIMEOUT,
              0,
              true,
              c == 0 ? trace : line -> {},
              List.of()));
    }
    ChildJvm victim = children.get(0);
    long wall = go();
    while (System.nanoTime() - wall < TimeUnit.SECONDS.toNanos(1) || held.size() < 2) {
      assertThat(System.nanoTime() - wall).isLessThan(TimeUnit.SECONDS.toNanos(20));
      Thread.sleep(1);
    }
    victim.kill();
    long killedAt = System.currentTimeMillis();
    long killedAtNanos = System.nanoTime();
    assertThat(victim.awaitExit(10_000)).isTrue();
    Set<String> heldAtDeath = Set.copyOf(held); // its output is read to the end now
    assertThat(heldAtDeath).as("the killed JVM held permits").isNotEmpty();

    // Its permits stay taken until their lease ends (no other JVM can give them back), then
    // return to the fleet: each was leased at most `lease` before the kill.
    String leaseSet = TestConfigs.leaseSetKey(prefix, STORE);
    Map<String, Long> leases = leases(leaseSet);
    for (String id : heldAtDeath) {
      if (leases.containsKey(id)) {
        assertThat(leases.get(id)).isLessThanOrEqualTo(killedAt + LEASE_MILLIS);
      }
    }
    long returnedAfter = -1;
    while (System.nanoTime() - killedAtNanos < TimeUnit.MILLISECONDS.toNanos(LEASE_MILLIS + 3000)) {
      if (leases(leaseSet).keySet().stream().noneMatch(heldAtDeath::contains)) {
        returnedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAtNanos);
        break;
      }
      Thread.sleep(20);
    }
    System.out.printf(
        "kill: %d permits held at death, back after %d ms (lease %d ms)%n",
        heldAtDeath.size(), returnedAfter, LEASE_MILLIS);
    assertThat(returnedAfter).isBetween(0L, LEASE_MILLIS + 1000);

    for (ChildJvm survivor : children.subList(1, CHILDREN)) {
      assertThat(survivor.awaitExit(90_000)).isTrue();
      assertThat(survivor.lineStartingWith("done"))
          .as(
              "survivor output %s",
              survivor.lines().stream().filter(l -> l.startsWith("f")).toList())
          .isEqualTo("done ok=" + CALLERS * updates + " failed=0");
    }
    assertThat(simulator.metrics().tooManyRequests()).isZero();
    assertThat(simulator.metrics().peakInFlight()).isLessThanOrEqualTo(LIMIT);
    // Survivors did every call once; the victim sent each request it took a permit for at most
    // once (those held at death may not have left it).
    long survivorCalls = (long) (CHILDREN - 1) * CALLERS * updates;
    long puts = simulator.metrics().requests(Operation.PUT_SEGMENT_OBJECTS);
    assertThat(puts)
        .isBetween(
            survivorCalls + acquired.size() - heldAtDeath.size(), survivorCalls + acquired.size());
    assertEverySegmentRenamed(segments, updates, Set.of(0));
    // All 10 permits are free again.
    try (RedisConcurrencyLimiter check =
        RedisConcurrencyLimiter.connect(
            TestConfigs.builder(redis.uri(), prefix, STORE).maxConcurrentRequests(LIMIT).build())) {
      List<Permit> all = new ArrayList<>();
      for (int i = 0; i < LIMIT; i++) {
        all.add(check.acquire(Duration.ofSeconds(2)).orElseThrow());
      }
      all.forEach(Permit::close);
    }
  }

  /** 50 segments per child, created in the simulator. */
  private static List<List<UUID>> segments() {
    List<List<UUID>> all = new ArrayList<>();
    for (int c = 0; c < CHILDREN; c++) {
      List<UUID> mine = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        mine.add(simulator.store(STORE).createSegment("seg-" + c + "-" + i, ""));
      }
      all.add(mine);
    }
    return all;
  }

  private ChildJvm startChild(
      int child,
      List<UUID> ids,
      int updates,
      Duration requestTimeout,
      int warmup,
      boolean trace,
      Consumer<String> listener,
      List<String> extra)
      throws Exception {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "redis=" + redis.uri(),
            "prefix=" + prefix,
            "store=" + STORE,
            "base=" + simulator.baseUri(STORE),
            "child=" + child,
            "ids=" + String.join(",", ids.stream().map(UUID::toString).toList()),
            "updates=" + updates,
            "requestTimeoutMs=" + requestTimeout.toMillis(),
            "leaseMarginMs=" + LEASE_MARGIN.toMillis(),
            "warmup=" + warmup,
            "trace=" + trace));
    args.addAll(extra);
    return ChildJvm.start(FleetChild.class, args, listener);
  }

  /** Waits until every child is ready, then starts them all; returns the start (nanoTime). */
  private long go() throws Exception {
    for (ChildJvm child : children) {
      assertThat(child.awaitLine("ready", 60_000)).as("ready: %s", child.lines()).isTrue();
    }
    simulator.metrics().reset(); // the warm-up renames are not counted
    long start = System.nanoTime();
    for (ChildJvm child : children) {
      child.send("go");
    }
    return start;
  }

  private static void assertEverySegmentRenamed(
      List<List<UUID>> segments, int updates, Set<Integer> skipped) {
    for (int c = 0; c < CHILDREN; c++) {
      if (skipped.contains(c)) {
        continue;
      }
      for (int i = 0; i < CALLERS; i++) {
        assertThat(simulator.store(STORE).segment(segments.get(c).get(i)).orElseThrow().name())
            .isEqualTo("c" + c + "-" + i + "-u" + updates);
      }
    }
  }

  /** The lease set of the store's semaphore: permit id (hex) to lease end (epoch ms). */
  private static Map<String, Long> leases(String key) throws Exception {
    try (RespClient admin = RespClient.to(redis)) {
      @SuppressWarnings("unchecked")
      List<Object> reply = (List<Object>) admin.call("ZRANGE", key, "0", "-1", "WITHSCORES");
      Map<String, Long> leases = new ConcurrentHashMap<>();
      for (int i = 0; i + 1 < reply.size(); i += 2) {
        String id = HexFormat.of().formatHex((byte[]) reply.get(i));
        long end =
            (long)
                Double.parseDouble(new String((byte[]) reply.get(i + 1), StandardCharsets.UTF_8));
        leases.put(id, end);
      }
      return leases;
    }
  }
}
