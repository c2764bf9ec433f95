package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.simulator.Operation;
import io.github.segmentskit.simulator.Segment;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.ShopperProfile;
import io.github.segmentskit.simulator.SimulatedStore;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code -Plive} verification of the real pacts, run in every build with the simulator standing
 * in for the store: {@code BIGCOMMERCE_API_URL} points at it, given as system properties (which win
 * over the environment). The store holds data of its own: a segment, two shopper profiles, one of
 * them in that segment. Proves the live rules on the real pacts: the allowed interactions pass, the
 * others are skipped with the allow-list's reason, the store's own data is exactly as it was, none
 * of the run's segments is left, and no delete without {@code id:in} was sent.
 */
class LiveStoreVerificationAgainstSimulatorIT {
  private static final String STORE = "livestore1";
  private static final String MODIFY_TOKEN = "live-modify-token";
  private static final String READ_ONLY_TOKEN = "live-read-only-token";

  /** The interactions not on the live allow-list, by description. */
  private static final Set<String> NOT_ALLOWED =
      Set.of(
          "delete every segment of the store (no id:in)",
          "delete a shopper profile by id",
          "create a segment when the store has 1000 segments",
          "list segments when the store's rate limit is used up",
          "create a shopper profile for a customer",
          "create a segment whose name is a number");

  @Test
  void runsTheAllowedInteractionsAndLeavesTheStoresOwnDataAsItWas() {
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .modifyTokens(MODIFY_TOKEN)
            .readOnlyTokens(READ_ONLY_TOKEN)
            .build()
            .start()) {
      SimulatedStore store = simulator.store(STORE);
      UUID storesSegment = store.createSegment("Wholesale buyers", "The store's own segment.");
      UUID freeProfile = store.createShopperProfile(77);
      UUID memberProfile = store.createShopperProfile(78);
      store.addToSegment(storesSegment, memberProfile);

      Map<String, NestedRun.Outcome> outcomes =
          NestedRun.run(
              LiveStoreVerification.class,
              Map.of(
                  LiveStoreConfig.STORE_HASH, STORE,
                  LiveStoreConfig.ACCESS_TOKEN, MODIFY_TOKEN,
                  LiveStoreConfig.READ_ONLY_TOKEN, READ_ONLY_TOKEN,
                  LiveStoreConfig.API_URL, simulator.rootUri().toString()));

      assertThat(failed(outcomes)).as("failed: %s", outcomes).isEmpty();
      assertThat(skipped(outcomes)).isEqualTo(new TreeSet<>(NOT_ALLOWED));
      assertThat(outcomes.values())
          .filteredOn(NestedRun.Outcome::skipped)
          .allSatisfy(o -> assertThat(o.message()).contains("not on the live allow-list"));
      assertThat(outcomes).hasSize(22);

      assertThat(store.segments()).extracting(Segment::id).containsExactly(storesSegment);
      assertThat(store.segments().get(0).description()).isEqualTo("The store's own segment.");
      assertThat(store.shopperProfilesIn(storesSegment))
          .extracting(ShopperProfile::id)
          .containsExactly(memberProfile);
      assertThat(store.shopperProfiles())
          .extracting(ShopperProfile::id)
          .containsExactly(freeProfile, memberProfile);
      assertThat(store.segmentsOf(freeProfile)).isEmpty();
      assertThat(simulator.metrics().deleteAllRequests()).isZero();
      assertThat(simulator.metrics().requests(Operation.SHOPPER_PROFILES_REQUEST)).isZero();
      assertThat(simulator.metrics().requests(Operation.DELETE_STORE_SHOPPER_PROFILE)).isZero();
      assertThat(simulator.metrics().requests(Operation.DELETE_STORE_SEGMENT)).isPositive();
    }
  }

  private static Set<String> failed(Map<String, NestedRun.Outcome> outcomes) {
    return outcomes.entrySet().stream()
        .filter(e -> e.getValue().failed())
        .map(e -> e.getKey() + ": " + e.getValue().message())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> skipped(Map<String, NestedRun.Outcome> outcomes) {
    return outcomes.entrySet().stream()
        .filter(e -> e.getValue().skipped())
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
