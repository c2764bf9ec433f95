package io.github.segmentskit.contract.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.segmentskit.client.Call;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ClientClosedException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 10.7: {@code close()} is clean. Async calls still queued when it runs fail with {@link
 * ClientClosedException} (a {@link SegmentsException}) and send nothing; the running one fails with
 * it too; calls made afterwards fail with it at once. And 200 clients built, used once and closed
 * leave no thread behind: none of the clients' own ({@code segments-*}) threads survives its
 * client, and the JVM's live threads grow by at most {@value #JDK_SLACK}, the slack allowed to the
 * worker threads of the JDK's {@code HttpClient} that all clients share.
 */
@Isolated("it looks at every live thread of the JVM")
class CloseIsCleanTest {
  /**
   * The JDK's shared {@code HttpClient} runs its callbacks on a cached pool ({@code
   * HttpClient-N-Worker-M}) whose idle threads live on for a while; a few more may exist after the
   * cycles than before (as may workers of the JVM's common fork-join pool). Everything else must be
   * gone.
   */
  static final int JDK_SLACK = 4;

  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final int CYCLES = 200;

  @Test
  void asyncCallsQueuedWhenTheClientClosesFailWithClientClosedException() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (InFlightServer server = InFlightServer.holdingUntilReleased()) {
            String store = "closequeued" + System.nanoTime();
            SegmentsClient client =
                SegmentsClient.builder()
                    .storeHash(store)
                    .accessToken("close-test-token")
                    .baseUri(server.baseUri(store))
                    .maxConcurrentRequests(1)
                    .build();
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
              calls.add(update(client).executeAsync());
            }
            server.awaitInFlight(1, Duration.ofSeconds(5));

            client.close();

            for (CompletableFuture<?> call : calls) {
              assertThat(failureOf(call))
                  .isInstanceOf(ClientClosedException.class)
                  .isInstanceOf(SegmentsException.class);
            }
            assertThatThrownBy(() -> update(client).execute())
                .isInstanceOf(ClientClosedException.class);
            assertThat(failureOf(update(client).executeAsync()))
                .isInstanceOf(ClientClosedException.class);
            assertThatThrownBy(() -> client.segments().delete(List.of(SEGMENT)).execute())
                .isInstanceOf(ClientClosedException.class);
            Thread.sleep(300);
            assertThat(server.requests()).as("only the running call was ever sent").isEqualTo(1);
            server.releaseAll();
          }
        });
  }

  @Test
  void twoHundredClientsUsedOnceAndClosedLeaveNoThreadsBehind() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(40),
        () -> {
          try (InFlightServer server = InFlightServer.holdingEachFor(Duration.ZERO)) {
            String store = "threads" + System.nanoTime();
            cycle(server, store, true); // the shared HttpClient and its first threads exist now
            awaitNoClientThreads();
            Set<String> before = liveThreads();

            for (int i = 0; i < CYCLES; i++) {
              cycle(server, store, i % 2 == 0);
            }

            awaitNoClientThreads();
            Set<String> after = liveThreads();
            Set<String> added =
                after.stream().filter(name -> !before.contains(name)).collect(Collectors.toSet());
            System.out.printf(
                "%d open/use/close cycles: %d live threads before, %d after, new: %s%n",
                CYCLES, before.size(), after.size(), added);
            assertThat(after.size())
                .as(
                    "live threads: %d before, %d after; new: %s",
                    before.size(), after.size(), added)
                .isLessThanOrEqualTo(before.size() + JDK_SLACK);
            assertThat(added)
                .allMatch(
                    name ->
                        name.startsWith("HttpClient-")
                            || name.startsWith("ForkJoinPool.commonPool-worker-"));
            assertThat(server.answered()).isEqualTo(CYCLES + 1);
            assertThat(ConcurrencyLimiterRegistry.shared().holds(store))
                .as("the store's limiter is dropped with its last client")
                .isFalse();
          }
        });
  }

  private static void cycle(InFlightServer server, String store, boolean async) {
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(store)
            .accessToken("close-test-token")
            .baseUri(server.baseUri(store))
            .build()) {
      if (async) {
        update(client).executeAsync().join();
      } else {
        update(client).execute();
      }
    }
  }

  /** Waits (at most 5 s) until no thread of a client's own pool is alive; fails otherwise. */
  private static void awaitNoClientThreads() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Set<String> left = clientThreads();
    while (!left.isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("threads of closed clients still alive after 5 s: " + left);
      }
      Thread.sleep(10);
      left = clientThreads();
    }
  }

  private static Set<String> clientThreads() {
    return liveThreads().stream()
        .filter(name -> name.startsWith("segments-"))
        .collect(Collectors.toSet());
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(thread -> thread.getName() + "#" + thread.getId())
        .collect(Collectors.toSet());
  }

  private static Call<List<Segment>> update(SegmentsClient client) {
    return client.segments().update(List.of(new SegmentPut().id(SEGMENT).name("x")));
  }

  private static Throwable failureOf(CompletableFuture<?> call) throws InterruptedException {
    try {
      call.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not end within 5 s", e);
    }
    throw new AssertionError("the call succeeded");
  }
}
