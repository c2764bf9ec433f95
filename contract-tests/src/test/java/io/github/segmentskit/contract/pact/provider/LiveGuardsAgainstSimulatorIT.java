package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_REMOVE;
import static io.github.segmentskit.contract.pact.ProviderStates.expression;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.simulator.Operation;
import io.github.segmentskit.simulator.Segment;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.ShopperProfile;
import io.github.segmentskit.simulator.SimulatedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each guard of the live run, shown stopping a dangerous request, with the simulator standing in
 * for the real store and proving nothing was touched. The dangerous requests are hostile pacts,
 * written here with the Pact DSL: interactions of the known consumer under allowed (operation,
 * state) combinations, so the allow-list lets them through and only {@link LiveRequestGuard}, which
 * judges the request as it is about to be sent, stands in the way; and a pact of an unknown
 * consumer, which must never even be loaded. All run in one {@link LiveStoreVerification} against a
 * store with data of its own: segment {@link #STORES_SEGMENT}, profiles {@link #STORES_PROFILE} (in
 * that segment) and {@link #OTHER_PROFILE}.
 */
class LiveGuardsAgainstSimulatorIT {
  private static final String STORE = "guardstore";
  private static final String TOKEN = "guard-modify-token";
  private static final String BASE = "/stores/abc123/v3";
  private static final UUID STORES_SEGMENT =
      UUID.fromString("11111111-2222-4333-8444-555555555555");
  private static final UUID STORES_PROFILE =
      UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa");
  private static final UUID OTHER_PROFILE = UUID.fromString("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff");
  private static final String STORES_DESCRIPTION = "The store's own segment.";

  /**
   * A path that the pact's template shows as {@code /segments} (so the allow-list sees an allowed
   * operation) but that is sent as {@code /shopper-profiles}: Pact JVM 4.6.21 injects a key the
   * state handler does not return as {@code ""} (as {@link #refusesADeleteWhoseIdInCameOutEmpty}
   * shows for a query). An expression without a key becomes {@code "null"}, which the guard refuses
   * as well (not the store's API).
   */
  private static final String SHOPPER_PROFILES_FROM_STATE =
      BASE + "/shopper-profiles" + expression("noSuchKey");

  private static SegmentsSimulator simulator;
  private static SimulatedStore store;
  private static Map<String, NestedRun.Outcome> outcomes;

  @BeforeAll
  static void replayHostilePacts() throws Exception {
    simulator = SegmentsSimulator.builder().modifyTokens(TOKEN).build().start();
    store = simulator.store(STORE);
    store.putSegment(STORES_SEGMENT, "Wholesale buyers", STORES_DESCRIPTION);
    store.putShopperProfile(STORES_PROFILE, 77);
    store.putShopperProfile(OTHER_PROFILE, 78);
    store.addToSegment(STORES_SEGMENT, STORES_PROFILE);

    Path pacts = Files.createTempDirectory("hostile-pacts");
    hostilePact().write(pacts.toString(), PactSpecVersion.V4);
    unknownConsumersPact().write(pacts.toString(), PactSpecVersion.V4);

    outcomes =
        NestedRun.run(
            LiveStoreVerification.class,
            Map.of(
                "pact.rootDir",
                pacts.toString(),
                LiveStoreConfig.STORE_HASH,
                STORE,
                LiveStoreConfig.ACCESS_TOKEN,
                TOKEN,
                LiveStoreConfig.API_URL,
                simulator.rootUri().toString()));
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void refusesADeleteWhoseIdInCameOutEmpty() {
    assertRefused("delete with an id:in that comes out empty", "its id:in has an empty value");
    assertThat(simulator.metrics().responses(422)).as("an empty id:in is answered 422").isZero();
    assertStoresDataIntact();
  }

  @Test
  void refusesADeleteWithoutIdIn() {
    assertRefused("delete without id:in", "a DELETE without id:in deletes everything in scope");
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
    assertStoresDataIntact();
  }

  @Test
  void refusesADeleteOfASegmentThisRunDidNotCreate() {
    assertRefused(
        "delete the run's segment and the store's",
        "id:in value " + STORES_SEGMENT + " is not a segment this run created");
    assertStoresDataIntact();
  }

  @Test
  void refusesAPostToShopperProfiles() {
    assertRefused(
        "create a shopper profile through an allowed create",
        "the live run never sends a POST to /shopper-profiles");
    assertThat(simulator.metrics().requests(Operation.SHOPPER_PROFILES_REQUEST)).isZero();
    assertStoresDataIntact();
  }

  @Test
  void refusesADeleteOnShopperProfiles() {
    assertRefused(
        "delete a shopper profile through an allowed delete",
        "the live run never sends a DELETE to /shopper-profiles");
    assertThat(simulator.metrics().requests(Operation.DELETE_STORE_SHOPPER_PROFILE)).isZero();
    assertStoresDataIntact();
  }

  @Test
  void refusesASegmentNameWithoutThisRunsPrefix() {
    assertRefused("create a segment without the run's prefix", "does not start with");
    assertRefused("create a segment with another run's prefix", "does not start with");
    assertThat(store.segments())
        .extracting(Segment::name)
        .doesNotContain("Loyal Customers", "segments-kit-contract-00000000-1-Loyal Customers");
    assertStoresDataIntact();
  }

  @Test
  void refusesAnUpdateOfASegmentThisRunDidNotCreate() {
    assertRefused(
        "update the store's own segment",
        "segment \"" + STORES_SEGMENT + "\" is not one this run created");
    assertThat(simulator.metrics().requests(Operation.PUT_SEGMENT_OBJECTS)).isZero();
    assertStoresDataIntact();
  }

  @Test
  void refusesRemovingAProfileFromASegmentThisRunDidNotCreate() {
    assertRefused(
        "remove the store's profile from the store's segment",
        "segment " + STORES_SEGMENT + " is not one this run created");
    assertThat(simulator.metrics().requests(Operation.DELETE_SHOPPER_PROFILE)).isZero();
    assertStoresDataIntact();
  }

  @Test
  void neverLoadsThePactOfAnUnknownConsumer() {
    assertThat(outcomes).doesNotContainKey("delete every segment of the store, for someone else");
    assertThat(outcomes).hasSize(9);
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
    assertStoresDataIntact();
  }

  private static void assertRefused(String description, String reason) {
    assertThat(outcomes).containsKey("hostile: " + description);
    NestedRun.Outcome outcome = outcomes.get("hostile: " + description);
    assertThat(outcome.failed()).as("'%s' failed", description).isTrue();
    assertThat(outcome.message()).contains("live request guard refused").contains(reason);
  }

  /** The store's own data, exactly as it was; none of the run's segments left. */
  private static void assertStoresDataIntact() {
    assertThat(store.segments()).extracting(Segment::id).containsExactly(STORES_SEGMENT);
    assertThat(store.segments().get(0).description()).isEqualTo(STORES_DESCRIPTION);
    assertThat(store.shopperProfiles())
        .extracting(ShopperProfile::id)
        .containsExactly(STORES_PROFILE, OTHER_PROFILE);
    assertThat(store.shopperProfilesIn(STORES_SEGMENT))
        .extracting(ShopperProfile::id)
        .containsExactly(STORES_PROFILE);
  }

  private static V4Pact hostilePact() {
    PactDslWithProvider pact =
        ConsumerPactBuilder.consumer(Pacts.CONSUMER).hasPactWith(Pacts.PROVIDER);
    return pact.given(SEGMENT_TO_DELETE)
        .uponReceiving("hostile: delete with an id:in that comes out empty")
        .method("DELETE")
        .path(BASE + "/segments")
        .queryParameterFromProviderState("id:in", expression("noSuchKey"), SEGMENT_ID)
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .given(SEGMENT_TO_DELETE)
        .uponReceiving("hostile: delete without id:in")
        .method("DELETE")
        .path(BASE + "/segments")
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .given(SEGMENT_TO_DELETE)
        .uponReceiving("hostile: delete the run's segment and the store's")
        .method("DELETE")
        .path(BASE + "/segments")
        .queryParameterFromProviderState(
            "id:in", expression("segmentId") + "," + STORES_SEGMENT, SEGMENT_ID)
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .given(NO_SEGMENT_NAMED)
        .uponReceiving("hostile: create a shopper profile through an allowed create")
        .method("POST")
        .pathFromProviderState(SHOPPER_PROFILES_FROM_STATE, BASE + "/segments")
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN, "Content-Type", "application/json"))
        .body("[{\"customer_id\": 4242}]")
        .willRespondWith()
        .status(201)
        .given(SEGMENT_TO_DELETE)
        .uponReceiving("hostile: delete a shopper profile through an allowed delete")
        .method("DELETE")
        .pathFromProviderState(SHOPPER_PROFILES_FROM_STATE, BASE + "/segments")
        .query("id:in=" + STORES_PROFILE)
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .given(NO_SEGMENT_NAMED)
        .uponReceiving("hostile: create a segment without the run's prefix")
        .method("POST")
        .path(BASE + "/segments")
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN, "Content-Type", "application/json"))
        .body("[{\"name\": \"Loyal Customers\"}]")
        .willRespondWith()
        .status(201)
        .given(NO_SEGMENT_NAMED)
        .uponReceiving("hostile: create a segment with another run's prefix")
        .method("POST")
        .path(BASE + "/segments")
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN, "Content-Type", "application/json"))
        .body("[{\"name\": \"segments-kit-contract-00000000-1-Loyal Customers\"}]")
        .willRespondWith()
        .status(201)
        .given(SEGMENT_EXISTS)
        .uponReceiving("hostile: update the store's own segment")
        .method("PUT")
        .path(BASE + "/segments")
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN, "Content-Type", "application/json"))
        .body("[{\"id\": \"" + STORES_SEGMENT + "\", \"description\": \"changed\"}]")
        .willRespondWith()
        .status(201)
        .given(SHOPPER_PROFILE_TO_REMOVE)
        .uponReceiving("hostile: remove the store's profile from the store's segment")
        .method("DELETE")
        .path(BASE + "/segments/" + STORES_SEGMENT + "/shopper-profiles")
        .query("id:in=" + STORES_PROFILE)
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  private static V4Pact unknownConsumersPact() {
    return ConsumerPactBuilder.consumer("someone-else")
        .hasPactWith(Pacts.PROVIDER)
        .uponReceiving("delete every segment of the store, for someone else")
        .method("DELETE")
        .path(BASE + "/segments")
        .headers(Map.of("X-Auth-Token", Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }
}
