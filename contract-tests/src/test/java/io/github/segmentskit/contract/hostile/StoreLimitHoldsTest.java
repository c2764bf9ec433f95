package io.github.segmentskit.contract.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ClientClosedException;
import io.github.segmentskit.client.exception.SegmentsInterruptedException;
import io.github.segmentskit.generated.model.SegmentPut;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 10.5: the store's limit of 10 requests in flight holds, as an {@link InFlightServer} counts
 * them (a request is in flight until its response is written or the client closes its connection),
 * when the last client of a store is closed with 10 requests on the wire and a new client starts,
 * when callers blocked in {@code execute()} are interrupted, and when clients name the store in
 * different cases. Every client uses the JVM-wide registry (the default), each test a store of its
 * own.
 */
@Isolated("counts requests against a 1.5 s deadline and interrupts within 1 s")
class StoreLimitHoldsTest {
  private static final int LIMIT = SegmentsClient.DEFAULT_MAX_CONCURRENT_REQUESTS;
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final Duration QUIET = Duration.ofMillis(300);

  private final List<SegmentsClient> clients = new ArrayList<>();
  private final List<Thread> callers = new ArrayList<>();

  @AfterEach
  void stopEverything() throws InterruptedException {
    clients.forEach(SegmentsClient::close);
    callers.forEach(Thread::interrupt);
    for (Thread caller : callers) {
      caller.join(5_000);
    }
  }

  @Test
  void closingTheLastClientOfAStoreWithTenInFlightLeavesANewClientNoRoom() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (InFlightServer server = InFlightServer.holdingUntilReleased()) {
            String store = "closelast" + System.nanoTime();
            SegmentsClient first = client(server.baseUri(store), store, Duration.ofSeconds(10));
            List<CompletableFuture<?>> firstCalls = updates(first, LIMIT);
            server.awaitInFlight(LIMIT, Duration.ofSeconds(5));

            first.close();
            for (CompletableFuture<?> call : firstCalls) {
              assertThat(failureOf(call)).isInstanceOf(ClientClosedException.class);
            }
            SegmentsClient second = client(server.baseUri(store), store, Duration.ofSeconds(10));
            List<CompletableFuture<?>> secondCalls = updates(second, LIMIT);
            Thread.sleep(QUIET.toMillis());

            assertThat(server.requests())
                .as("requests that reached the server while the first ten were in flight")
                .isEqualTo(LIMIT);
            server.releaseAll();
            for (CompletableFuture<?> call : secondCalls) {
              call.get(10, TimeUnit.SECONDS);
            }
            assertThat(server.requests()).isEqualTo(2 * LIMIT);
            assertThat(server.peak()).as("peak in flight").isEqualTo(LIMIT);
          }
        });
  }

  @Test
  void interruptedCallersKeepTheirPermitsUntilTheServerAnswers() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (InFlightServer server = InFlightServer.holdingUntilReleased()) {
            String store = "interrupted" + System.nanoTime();
            SegmentsClient client = client(server.baseUri(store), store, Duration.ofSeconds(10));
            ConcurrentLinkedQueue<Throwable> interrupted = new ConcurrentLinkedQueue<>();
            List<Thread> first = blockingUpdates(client, LIMIT, interrupted);
            server.awaitInFlight(LIMIT, Duration.ofSeconds(5));

            long start = System.nanoTime();
            first.forEach(Thread::interrupt);
            for (Thread caller : first) {
              caller.join(2_000);
            }
            long returnedAfterMillis = (System.nanoTime() - start) / 1_000_000;
            ConcurrentLinkedQueue<Throwable> later = new ConcurrentLinkedQueue<>();
            List<Thread> second = blockingUpdates(client, LIMIT, later);
            Thread.sleep(QUIET.toMillis());

            assertThat(interrupted).hasSize(LIMIT);
            assertThat(interrupted)
                .allSatisfy(f -> assertThat(f).isInstanceOf(SegmentsInterruptedException.class));
            assertThat(returnedAfterMillis)
                .as("interrupted callers return at once")
                .isLessThan(1_000);
            assertThat(server.requests())
                .as("requests that reached the server while the interrupted ones were on it")
                .isEqualTo(LIMIT);
            server.releaseAll();
            for (Thread caller : second) {
              caller.join(10_000);
            }
            assertThat(later).as("the later calls all succeeded").isEmpty();
            assertThat(server.requests()).isEqualTo(2 * LIMIT);
            assertThat(server.peak()).as("peak in flight").isEqualTo(LIMIT);
          }
        });
  }

  @Test
  void interruptedCallersKeepTheirPermitsUntilTheirDeadlineCancelsTheExchange() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (InFlightServer server = InFlightServer.holdingUntilReleased()) {
            String store = "deadline" + System.nanoTime();
            Duration timeout = Duration.ofMillis(1_500);
            SegmentsClient client = client(server.baseUri(store), store, timeout);
            ConcurrentLinkedQueue<Throwable> interrupted = new ConcurrentLinkedQueue<>();
            List<Thread> first = blockingUpdates(client, LIMIT, interrupted);
            server.awaitInFlight(LIMIT, Duration.ofSeconds(5));
            first.forEach(Thread::interrupt);
            for (Thread caller : first) {
              caller.join(2_000);
            }
            ConcurrentLinkedQueue<Throwable> later = new ConcurrentLinkedQueue<>();
            List<Thread> second = blockingUpdates(client, LIMIT, later);
            Thread.sleep(QUIET.toMillis());
            assertThat(server.requests()).isEqualTo(LIMIT);

            server.awaitRequests(2 * LIMIT, Duration.ofSeconds(5));
            assertThat(server.abandoned())
                .as("exchanges the deadline cancelled, closing their connections")
                .isEqualTo(LIMIT);
            assertThat(server.requests()).isEqualTo(2 * LIMIT);
            server.releaseAll();
            for (Thread caller : second) {
              caller.join(10_000);
            }
            assertThat(interrupted)
                .allSatisfy(f -> assertThat(f).isInstanceOf(SegmentsInterruptedException.class));
            assertThat(later).as("the later calls all succeeded").isEmpty();
            assertThat(server.peak()).as("peak in flight").isEqualTo(LIMIT);
          }
        });
  }

  @Test
  void storeHashesThatDifferOnlyInCaseShareOneLimit() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (InFlightServer server = InFlightServer.holdingEachFor(Duration.ofMillis(200))) {
            String store = "casestore" + System.nanoTime();
            SegmentsClient lower = client(server.baseUri(store), store, Duration.ofSeconds(10));
            String upperStore = store.toUpperCase(Locale.ROOT);
            SegmentsClient upper =
                client(server.baseUri(upperStore), upperStore, Duration.ofSeconds(10));
            List<CompletableFuture<?>> calls = new ArrayList<>(updates(lower, LIMIT));
            calls.addAll(updates(upper, LIMIT));

            for (CompletableFuture<?> call : calls) {
              call.get(10, TimeUnit.SECONDS);
            }
            assertThat(server.requests()).isEqualTo(2 * LIMIT);
            assertThat(server.peak()).as("peak in flight").isEqualTo(LIMIT);
          }
        });
  }

  /** Control: the server does see more than ten when two registries do not share a limit. */
  @Test
  void theServerSeesTwentyInFlightWhenTwoRegistriesKeepSeparateLimits() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (InFlightServer server = InFlightServer.holdingUntilReleased()) {
            String store = "control" + System.nanoTime();
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
              SegmentsClient isolated =
                  builder(server.baseUri(store), store, Duration.ofSeconds(10))
                      .limiterRegistry(ConcurrencyLimiterRegistry.create())
                      .build();
              clients.add(isolated);
              calls.addAll(updates(isolated, LIMIT));
            }
            server.awaitInFlight(2 * LIMIT, Duration.ofSeconds(5));
            server.releaseAll();
            for (CompletableFuture<?> call : calls) {
              call.get(10, TimeUnit.SECONDS);
            }
            assertThat(server.peak()).isEqualTo(2 * LIMIT);
          }
        });
  }

  private SegmentsClient client(URI baseUri, String store, Duration requestTimeout) {
    SegmentsClient client = builder(baseUri, store, requestTimeout).build();
    clients.add(client);
    return client;
  }

  private static SegmentsClient.Builder builder(
      URI baseUri, String store, Duration requestTimeout) {
    return SegmentsClient.builder()
        .storeHash(store)
        .accessToken("limit-test-token")
        .baseUri(baseUri)
        .requestTimeout(requestTimeout)
        .acquireTimeout(Duration.ofSeconds(10))
        .sleeper(duration -> {});
  }

  private static List<CompletableFuture<?>> updates(SegmentsClient client, int count) {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(
          client
              .segments()
              .update(List.of(new SegmentPut().id(SEGMENT).name("n" + i)))
              .executeAsync());
    }
    return calls;
  }

  private List<Thread> blockingUpdates(
      SegmentsClient client, int count, ConcurrentLinkedQueue<Throwable> failures) {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "n" + i;
      Thread caller =
          new Thread(
              () -> {
                try {
                  client
                      .segments()
                      .update(List.of(new SegmentPut().id(SEGMENT).name(name)))
                      .execute();
                } catch (RuntimeException e) {
                  failures.add(e);
                }
              },
              "blocking-caller-" + i);
      caller.setDaemon(true);
      caller.start();
      threads.add(caller);
    }
    callers.addAll(threads);
    return threads;
  }

  private static Throwable failureOf(CompletableFuture<?> call)
      throws InterruptedException, TimeoutException {
    try {
      call.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }
}
