package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedStoreTest {

  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final UUID PROFILE = UUID.fromString("7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a");

  private SegmentsSimulator simulator;
  private SimulatedStore store;

  @BeforeEach
  void start() {
    simulator = SegmentsSimulator.builder().build().start();
    store = simulator.store("abc123");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aSegmentWithAFixedIdIsServedOverHttp() {
    store
        .putSegment(SEGMENT, "Wholesale buyers", "By the case")
        .putShopperProfile(PROFILE, 1042)
        .addToSegment(SEGMENT, PROFILE);
    TestHttp http = TestHttp.to(simulator.baseUri("abc123"));

    TestHttp.Response response = http.get("/segments/" + SEGMENT + "/shopper-profiles");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("data").get(0).get("id").asText()).isEqualTo(PROFILE.toString());
    assertThat(simulator.metrics().requestsReceived()).isEqualTo(1);
  }

  @Test
  void putSegmentReplacesTheNameButKeepsCreatedAtAndMembers() {
    store
        .putSegment(SEGMENT, "Old", "")
        .putShopperProfile(PROFILE, 1)
        .addToSegment(SEGMENT, PROFILE);
    Segment before = store.segment(SEGMENT).orElseThrow();

    store.putSegment(SEGMENT, "New", "d");

    Segment after = store.segment(SEGMENT).orElseThrow();
    assertThat(after.name()).isEqualTo("New");
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(store.shopperProfilesIn(SEGMENT))
        .extracting(ShopperProfile::id)
        .containsExactly(PROFILE);
  }

  @Test
  void fillsAStoreToItsThousandSegments() {
    store.createSegment("Segment 2", "");

    assertThat(store.fillSegments(999)).hasSize(999);

    assertThat(store.segments()).hasSize(Limits.MAX_SEGMENTS_PER_STORE);
    assertThat(store.segments()).extracting(Segment::name).doesNotHaveDuplicates();
    assertThatIllegalStateException().isThrownBy(() -> store.fillSegments(1));
    assertThatIllegalStateException().isThrownBy(() -> store.createSegment("one more", ""));
  }

  @Test
  void fixturesEnforceTheApiRules() {
    store.createSegment("VIP", "");
    store.putShopperProfile(PROFILE, 7);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.createSegment("VIP", ""))
        .withMessageContaining("already used");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.createShopperProfile(7))
        .withMessageContaining("customer 7 already has");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.addToSegment(UUID.randomUUID(), PROFILE))
        .withMessageStartingWith("no segment");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.createShopperProfile(0))
        .withMessageContaining("customerId must be >= 1");
  }

  @Test
  void resetEmptiesTheStoreOnly() {
    store.createSegment("A", "");
    simulator.store("def456").createSegment("B", "");

    store.reset();

    assertThat(store.segments()).isEmpty();
    assertThat(simulator.store("def456").segments()).hasSize(1);
    simulator.resetAllStores();
    assertThat(simulator.store("def456").segments()).isEmpty();
  }

  @Test
  void canBeSeededBeforeTheServerStarts() {
    try (SegmentsSimulator notStarted = SegmentsSimulator.builder().build()) {
      notStarted.store("abc123").putSegment(SEGMENT, "Early", "");
      notStarted.start();

      TestHttp http = TestHttp.to(notStarted.baseUri("abc123"));
      assertThat(http.get("/segments?id:in=" + SEGMENT).json().get("data")).hasSize(1);
    }
  }
}
