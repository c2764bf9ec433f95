package io.github.segmentskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.client.Call;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.SimulatedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No blocking call waits on the client's own pool: every blocking operation, called from inside a
 * callback of every async operation, finishes, at a limit of 1 and of 10 (1.0 deadlocked here: its
 * blocking add joined on the pool its callers were running on).
 */
class BlockingInsideAsyncCallbacksTest {
  private static final String STORE = "callbacks";
  private static final String TOKEN = "callbacks-token";
  private static final Duration BOUND = Duration.ofSeconds(60);

  private SegmentsSimulator simulator;
  private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
  private UUID segment;
  private UUID profile;
  private List<UUID> manyProfiles;

  @BeforeEach
  void start() {
    // A quota the run cannot use up: at "requests left 0" the client rightly pauses the store
    // until the window resets, which is not what this test is about.
    simulator =
        SegmentsSimulator.builder()
            .port(0)
            .modifyTokens(TOKEN)
            .rateLimit(1_000_000, Duration.ofSeconds(30))
            .build()
            .start();
    SimulatedStore store = simulator.store(STORE);
    segment = store.createSegment("callbacks", "");
    profile = store.createShopperProfile(1);
    manyProfiles =
        IntStream.range(0, 120).mapToObj(i -> store.createShopperProfile(1_000 + i)).toList();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** Every operation as a call, on ids that exist; a few may fail (e.g. after a delete-all). */
  private Map<String, Function<SegmentsClient, Call<?>>> calls() {
    Map<String, Function<SegmentsClient, Call<?>>> calls = new java.util.LinkedHashMap<>();
    calls.put("segments.list", c -> c.segments().list(PageParams.first()));
    calls.put("segments.listByIds", c -> c.segments().list(PageParams.first(), List.of(segment)));
    calls.put(
        "segments.create",
        c -> c.segments().create(List.of(new SegmentPost().name("s-" + UUID.randomUUID()))));
    calls.put(
        "segments.update",
        c -> c.segments().update(List.of(new SegmentPut().id(segment).description("d"))));
    calls.put("segments.delete", c -> c.segments().delete(List.of(UUID.randomUUID())));
    calls.put("segments.deleteAll", c -> c.segments().deleteAll());
    calls.put(
        "segment.profiles.list",
        c -> c.segments().shopperProfiles(segment).list(PageParams.first()));
    calls.put("segment.profiles.add", c -> c.segments().shopperProfiles(segment).add(manyProfiles));
    calls.put(
        "segment.profiles.remove",
        c -> c.segments().shopperProfiles(segment).remove(List.of(profile)));
    calls.put("segment.profiles.removeAll", c -> c.segments().shopperProfiles(segment).removeAll());
    calls.put("profiles.list", c -> c.shopperProfiles().list(PageParams.first()));
    calls.put(
        "profiles.create",
        c ->
            c.shopperProfiles()
                .create(List.of(new ShopperProfilePost().customerId(900_000L + profileCounter()))));
    calls.put("profiles.delete", c -> c.shopperProfiles().delete(List.of(UUID.randomUUID())));
    calls.put(
        "profiles.segments.list",
        c -> c.shopperProfiles().segments(profile).list(PageParams.first()));
    return calls;
  }

  private long counter;

  private synchronized long profileCounter() {
    return ++counter;
  }

  @ParameterizedTest(name = "maxConcurrentRequests({0})")
  @ValueSource(ints = {1, 10})
  void everyBlockingCallFinishesInsideACallbackOfEveryAsyncOne(int limit) throws Exception {
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(TOKEN)
            .baseUri(simulator.baseUri(STORE))
            .maxConcurrentRequests(limit)
            .limiterRegistry(registry)
            .retryPolicy(RetryPolicy.none())
            .acquireTimeout(Duration.ofSeconds(30))
            .build()) {
      Map<String, Function<SegmentsClient, Call<?>>> calls = calls();
      List<CompletableFuture<Object>> chains = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, Function<SegmentsClient, Call<?>>> outer : calls.entrySet()) {
        for (Map.Entry<String, Function<SegmentsClient, Call<?>>> inner : calls.entrySet()) {
          Call<?> blocking = inner.getValue().apply(client);
          names.add(outer.getKey() + " -> " + inner.getKey());
          chains.add(
              outer
                  .getValue()
                  .apply(client)
                  .executeAsync()
                  .handle((result, failure) -> blocking.execute()));
        }
        // A stream is blocking only: read inside a callback too.
        names.add(outer.getKey() + " -> segments.stream");
        chains.add(
            outer
                .getValue()
                .apply(client)
                .executeAsync()
                .handle((result, failure) -> client.segments().stream().count()));
      }
      long deadline = System.nanoTime() + BOUND.toNanos();
      for (int i = 0; i < chains.size(); i++) {
        long left = Math.max(1, deadline - System.nanoTime());
        try {
          chains.get(i).get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          assertThat(e.getCause())
              .as("%s ended with a typed failure, not a hang", names.get(i))
              .isInstanceOf(SegmentsException.class);
        } catch (TimeoutException e) {
          throw new AssertionError(
              names.get(i) + " did not finish within " + BOUND + " at a limit of " + limit, e);
        }
      }
      assertThat(chains).hasSize(calls.size() * (calls.size() + 1));
    }
    assertThat(registry.permitsInUse(STORE)).as("every permit came back").isZero();
  }

  @ParameterizedTest(name = "maxConcurrentRequests({0})")
  @ValueSource(ints = {2, 10})
  void blockingAddsOfThreeChunksInsideTenListCallbacksFinish(int limit) throws Exception {
    // The exact 1.0 deadlock: listAsync(..).thenApply(p -> add(seg, 120 ids)), ten at once.
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(TOKEN)
            .baseUri(simulator.baseUri(STORE))
            .maxConcurrentRequests(limit)
            .limiterRegistry(registry)
            .build()) {
      List<CompletableFuture<Integer>> chains = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        chains.add(
            client
                .segments()
                .list(PageParams.first())
                .executeAsync()
                .thenApply(
                    page ->
                        client
                            .segments()
                            .shopperProfiles(segment)
                            .add(manyProfiles)
                            .execute()
                            .chunks()
                            .size()));
      }
      CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new))
          .get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertThat(chains).allSatisfy(chain -> assertThat(chain.join()).isEqualTo(3));
    }
    assertThat(registry.permitsInUse(STORE)).isZero();
  }
}
