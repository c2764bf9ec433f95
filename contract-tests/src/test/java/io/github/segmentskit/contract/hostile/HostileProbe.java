package io.github.segmentskit.contract.hostile;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ResponseTooLargeException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.generated.model.Segment;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs in a child JVM ({@link HostileBodiesInChildJvmsTest}) against the {@link HostileBodies} of
 * the parent, whose origin is the first argument; the other arguments name the checks. Prints one
 * line per check, ASCII only: {@code RESULT <check> PASS|FAIL <details>}.
 */
public final class HostileProbe {
  static final Duration MARGIN = Duration.ofMillis(500);
  static final Duration STALL_TIMEOUT = Duration.ofMillis(1_000);
  static final Duration STUCK_TIMEOUT = Duration.ofMillis(2_000);
  static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

  private static String origin;
  private static final ConcurrencyLimiterRegistry REGISTRY = ConcurrencyLimiterRegistry.create();

  private HostileProbe() {}

  public static void main(String[] args) {
    origin = args[0];
    System.out.println(
        "JVM charset="
            + Charset.defaultCharset()
            + " maxHeapMiB="
            + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    for (int i = 1; i < args.length; i++) {
      String check = args[i];
      String result;
      try {
        result = "PASS " + run(check);
      } catch (Throwable failure) {
        result = "FAIL " + failure;
      }
      System.out.println("RESULT " + check + " " + ascii(result));
    }
    System.out.flush();
    System.exit(0);
  }

  private static String run(String check) throws Exception {
    return switch (check) {
      case HostileBodies.STALLED, HostileBodies.STALLED_CHUNKED -> stalledEndsAtTheTimeout(check);
      case "deadlines" -> aStuckCallDelaysNoOtherDeadline();
      case HostileBodies.HUGE_DECLARED,
          HostileBodies.HUGE_UNTIL_CLOSE,
          HostileBodies.ENDLESS_CHUNKED,
          HostileBodies.GZIP_BOMB,
          HostileBodies.HUGE_ERROR ->
          tooLarge(check);
      case HostileBodies.VALID_GZIP -> validGzip();
      case HostileBodies.ERROR_NEAR_THE_CAP -> errorNearTheCap();
      default -> throw new IllegalArgumentException("no check " + check);
    };
  }

  private static SegmentsClient client(String scenario, Duration requestTimeout) {
    return SegmentsClient.builder()
        .storeHash(scenario)
        .accessToken("probe-token")
        .baseUri(URI.create(origin + "/stores/" + scenario + "/v3"))
        .limiterRegistry(REGISTRY)
        .requestTimeout(requestTimeout)
        .connectTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
        .sleeper(duration -> {})
        .build();
  }

  /** A body that stalls after its first bytes ends the call at the request timeout. */
  private static String stalledEndsAtTheTimeout(String scenario) {
    try (SegmentsClient client = client(scenario, STALL_TIMEOUT)) {
      Timed timed = Timed.call(() -> client.segments().list(PageParams.first()).execute());
      expect(timed.failure() instanceof SegmentsTimeoutException, "a timeout, got " + timed);
      expect(timed.millis() <= STALL_TIMEOUT.plus(MARGIN).toMillis(), "too late: " + timed);
      expect(timed.millis() >= STALL_TIMEOUT.toMillis() - 50, "too early: " + timed);
      expect(REGISTRY.permitsInUse(scenario) == 0, "the permit is still out");
      return "ended after " + timed.millis() + " ms with " + simpleName(timed.failure());
    }
  }

  /**
   * Four calls stuck on a stalled body (timeout 2 s) delay no other call: a slow but finishing call
   * succeeds in its own time, and a stalled call with a 500 ms timeout ends at 500 ms.
   */
  private static String aStuckCallDelaysNoOtherDeadline() throws Exception {
    List<SegmentsClient> stuckClients = new ArrayList<>();
    List<CompletableFuture<Timed>> stuck = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        SegmentsClient client = client(HostileBodies.STUCK, STUCK_TIMEOUT);
        stuckClients.add(client);
        stuck.add(
            CompletableFuture.supplyAsync(
                () -> Timed.call(() -> client.segments().list(PageParams.first()).execute()),
                runnable -> new Thread(runnable, "stuck-caller").start()));
      }
      Thread.sleep(300); // the four are on the wire, stuck
      Timed slow;
      try (SegmentsClient client = client(HostileBodies.SLOW_BUT_FINISHING, STUCK_TIMEOUT)) {
        slow = Timed.call(() -> client.segments().list(PageParams.first()).execute());
      }
      Timed shortOne;
      try (SegmentsClient client = client(HostileBodies.STALLED, SHORT_TIMEOUT)) {
        shortOne = Timed.call(() -> client.segments().list(PageParams.first()).execute());
      }
      List<Timed> stuckResults = new ArrayList<>();
      for (CompletableFuture<Timed> call : stuck) {
        stuckResults.add(call.get());
      }
      expect(slow.failure() == null, "the slow call failed: " + slow);
      expect(slow.millis() < 1_500, "the slow call took " + slow);
      expect(shortOne.failure() instanceof SegmentsTimeoutException, "short: " + shortOne);
      expect(
          shortOne.millis() <= SHORT_TIMEOUT.plus(MARGIN).toMillis(),
          "the short call waited behind the stuck ones: " + shortOne);
      for (Timed timed : stuckResults) {
        expect(timed.failure() instanceof SegmentsTimeoutException, "stuck: " + timed);
        expect(timed.millis() <= STUCK_TIMEOUT.plus(MARGIN).toMillis(), "stuck too long: " + timed);
      }
      return "slow call ok in "
          + slow.millis()
          + " ms, short timeout after "
          + shortOne.millis()
          + " ms, stuck calls ended after "
          + stuckResults.stream().map(Timed::millis).toList()
          + " ms";
    } finally {
      stuckClients.forEach(SegmentsClient::close);
    }
  }

  /** A body past maxResponseBytes is a ResponseTooLargeException naming the limit. */
  private static String tooLarge(String scenario) throws InterruptedException {
    try (SegmentsClient client = client(scenario, Duration.ofSeconds(20))) {
      Timed timed = Timed.call(() -> client.segments().list(PageParams.first()).execute());
      expect(timed.failure() instanceof ResponseTooLargeException, "got " + timed);
      ResponseTooLargeException tooLarge = (ResponseTooLargeException) timed.failure();
      long limit = SegmentsClient.DEFAULT_MAX_RESPONSE_BYTES;
      expect(tooLarge.limit() == limit, "limit() is " + tooLarge.limit());
      expect(tooLarge.getMessage().contains(String.valueOf(limit)), "message: " + tooLarge);
      long waited = awaitPermitsBack(scenario);
      return "ResponseTooLargeException after "
          + timed.millis()
          + " ms, permit back after "
          + waited
          + " ms: "
          + tooLarge.getMessage();
    }
  }

  /** A valid gzip page with a non-ASCII name is read as sent. */
  private static String validGzip() {
    try (SegmentsClient client = client(HostileBodies.VALID_GZIP, Duration.ofSeconds(10))) {
      List<Segment> items = client.segments().list(PageParams.first()).execute().items();
      expect(items.size() == 1, "items: " + items.size());
      String name = items.get(0).getName();
      expect(
          HostileBodies.NON_ASCII_NAME.equals(name),
          "garbled name, code points " + name.codePoints().boxed().toList());
      return "read the name intact";
    }
  }

  /** An error body just under the cap is read, within the heap, as the status's exception. */
  private static String errorNearTheCap() {
    try (SegmentsClient client = client(HostileBodies.ERROR_NEAR_THE_CAP, Duration.ofSeconds(20))) {
      Timed timed = Timed.call(() -> client.segments().list(PageParams.first()).execute());
      expect(timed.failure() instanceof ServerErrorException, "got " + timed);
      expect(
          ((ServerErrorException) timed.failure()).status() == 500,
          "status " + ((ServerErrorException) timed.failure()).status());
      return "ServerErrorException after " + timed.millis() + " ms";
    }
  }

  /** Milliseconds until the store's permits are all back; fails after 2 s. */
  private static long awaitPermitsBack(String store) throws InterruptedException {
    long start = System.nanoTime();
    while (REGISTRY.permitsInUse(store) > 0) {
      expect(System.nanoTime() - start < 2_000_000_000L, "the permit is still out after 2 s");
      Thread.sleep(1);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void expect(boolean condition, String otherwise) {
    if (!condition) {
      throw new AssertionError(otherwise);
    }
  }

  private static String simpleName(Throwable failure) {
    return failure == null ? "success" : failure.getClass().getSimpleName();
  }

  private static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }

  /** The outcome and duration of one call. */
  record Timed(Throwable failure, long millis) {
    static Timed call(Callable<?> call) {
      long start = System.nanoTime();
      Throwable failure = null;
      try {
        call.call();
      } catch (Throwable t) {
        failure = t;
      }
      return new Timed(failure, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public String toString() {
      return (failure == null ? "success" : failure.toString()) + " after " + millis + " ms";
    }
  }
}
