package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopperProfilesAcceptanceTest {

  private SegmentsSimulator simulator;
  private SimulatedStore store;
  private TestHttp http;

  @BeforeEach
  void start() {
    simulator = SegmentsSimulator.builder().build().start();
    store = simulator.store("abc123");
    http = TestHttp.to(simulator.baseUri("abc123"));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void createsShopperProfilesForCustomers() {
    TestHttp.Response response =
        http.post("/shopper-profiles", "[{\"customer_id\":1042},{\"customer_id\":1187}]");

    assertThat(response.status()).isEqualTo(201);
    JsonNode data = response.json().get("data");
    assertThat(data).extracting(n -> n.get("customer_id").asLong()).containsExactly(1042L, 1187L);
    assertThat(UUID.fromString(data.get(0).get("id").asText())).isNotNull();
    assertThat(data.get(0).get("created_at").asText()).endsWith("Z");
    assertThat(response.json().get("meta").isObject()).isTrue();
    assertThat(store.shopperProfiles()).hasSize(2);
  }

  @Test
  void rejectsACustomerThatAlreadyHasAProfileWith422() {
    store.createShopperProfile(1042);

    TestHttp.Response response =
        http.post("/shopper-profiles", "[{\"customer_id\":7},{\"customer_id\":1042}]");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get("1.customer_id").asText())
        .isEqualTo("already has a shopper profile");
    assertThat(store.shopperProfiles()).hasSize(1);
  }

  @Test
  void rejectsBadCustomerIds() {
    assertThat(http.post("/shopper-profiles", "[{\"customer_id\":\"7\"}]").status()).isEqualTo(400);
    assertThat(http.post("/shopper-profiles", "[{\"customer_id\":1.5}]").status()).isEqualTo(400);
    assertThat(http.post("/shopper-profiles", "[{\"customer_id\":0}]").status()).isEqualTo(422);
    assertThat(http.post("/shopper-profiles", "[{}]").status()).isEqualTo(422);
  }

  @Test
  void addsProfilesToASegmentAndListsThem() {
    UUID segment = store.createSegment("VIP", "");
    UUID first = store.createShopperProfile(1);
    UUID second = store.createShopperProfile(2);

    TestHttp.Response added =
        http.post(
            "/segments/" + segment + "/shopper-profiles", "[\"" + second + "\",\"" + first + "\"]");
    TestHttp.Response listed = http.get("/segments/" + segment + "/shopper-profiles");

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("data"))
        .extracting(n -> n.get("id").asText())
        .containsExactly(second.toString(), first.toString());
    assertThat(added.json().has("meta")).isFalse();
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().get("data"))
        .extracting(n -> n.get("customer_id").asLong())
        .containsExactly(2L, 1L);
    assertThat(listed.json().get("meta").get("pagination").get("total").asInt()).isEqualTo(2);
  }

  @Test
  void addingAProfileAlreadyInTheSegmentIsAConflictButAddsTheOthers() {
    UUID segment = store.createSegment("VIP", "");
    UUID member = store.createShopperProfile(1);
    UUID newcomer = store.createShopperProfile(2);
    store.addToSegment(segment, member);

    TestHttp.Response response =
        http.post(
            "/segments/" + segment + "/shopper-profiles",
            "[\"" + member + "\",\"" + newcomer + "\"]");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("data"))
        .extracting(n -> n.get("id").asText())
        .containsExactly(newcomer.toString());
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("status").asInt()).isEqualTo(409);
    assertThat(error.get("errors").get("id").asText()).isEqualTo(member.toString());
    assertThat(response.json().get("meta").toString())
        .isEqualTo("{\"total\":2,\"success\":1,\"failed\":1}");
    assertThat(store.shopperProfilesIn(segment)).hasSize(2);
  }

  @Test
  void rejectsMoreThanFiftyProfilesPerAddWith422() {
    UUID segment = store.createSegment("VIP", "");
    StringJoiner ids = new StringJoiner(",", "[", "]");
    for (int i = 1; i <= 51; i++) {
      ids.add("\"" + store.createShopperProfile(i) + "\"");
    }

    TestHttp.Response response =
        http.post("/segments/" + segment + "/shopper-profiles", ids.toString());

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get("body").asText()).contains("at most 50");
    assertThat(store.shopperProfilesIn(segment)).isEmpty();
  }

  @Test
  void acceptsExactlyFiftyProfilesPerAdd() {
    UUID segment = store.createSegment("VIP", "");
    StringJoiner ids = new StringJoiner(",", "[", "]");
    for (int i = 1; i <= 50; i++) {
      ids.add("\"" + store.createShopperProfile(i) + "\"");
    }

    assertThat(http.post("/segments/" + segment + "/shopper-profiles", ids.toString()).status())
        .isEqualTo(201);
    assertThat(store.shopperProfilesIn(segment)).hasSize(50);
  }

  @Test
  void rejectsAnUnknownProfileWith422AndAddsNothing() {
    UUID segment = store.createSegment("VIP", "");
    UUID known = store.createShopperProfile(1);
    UUID unknown = UUID.randomUUID();

    TestHttp.Response response =
        http.post(
            "/segments/" + segment + "/shopper-profiles",
            "[\"" + known + "\",\"" + unknown + "\"]");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get("1").asText()).contains("no shopper profile");
    assertThat(store.shopperProfilesIn(segment)).isEmpty();
  }

  @Test
  void anUnknownSegmentIs404() {
    UUID profile = store.createShopperProfile(1);
    String path = "/segments/" + UUID.randomUUID() + "/shopper-profiles";

    assertThat(http.get(path).status()).isEqualTo(404);
    assertThat(http.post(path, "[\"" + profile + "\"]").status()).isEqualTo(404);
    assertThat(http.delete(path + "?id:in=" + profile).status()).isEqualTo(404);
    assertThat(http.get("/shopper-profiles/" + UUID.randomUUID() + "/segments").status())
        .isEqualTo(404);
  }

  @Test
  void aShopperCanBelongToAThousandSegments() {
    // The store holds at most 1000 segments too, so a shopper cannot exceed 1000 in one store.
    List<UUID> segments = store.fillSegments(1000);
    UUID profile = store.createShopperProfile(1);
    segments.subList(0, 999).forEach(segment -> store.addToSegment(segment, profile));

    TestHttp.Response response =
        http.post("/segments/" + segments.get(999) + "/shopper-profiles", "[\"" + profile + "\"]");

    assertThat(response.status()).isEqualTo(201);
    assertThat(store.segmentsOf(profile)).hasSize(1000);
    assertThat(
            http.get("/shopper-profiles/" + profile + "/segments")
                .json()
                .get("meta")
                .get("pagination")
                .get("total_pages")
                .asInt())
        .isEqualTo(20);
  }

  @Test
  void removesProfilesFromASegmentWithIdIn() {
    UUID segment = store.createSegment("VIP", "");
    UUID a = store.createShopperProfile(1);
    UUID b = store.createShopperProfile(2);
    store.addToSegment(segment, a, b);

    TestHttp.Response response =
        http.delete("/segments/" + segment + "/shopper-profiles?id:in=" + a);

    assertThat(response.status()).isEqualTo(204);
    assertThat(store.shopperProfilesIn(segment)).extracting(ShopperProfile::id).containsExactly(b);
    assertThat(store.shopperProfile(a)).isPresent();
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
  }

  @Test
  void removingWithoutIdInEmptiesTheSegmentAndIsCounted() {
    UUID segment = store.createSegment("VIP", "");
    store.addToSegment(segment, store.createShopperProfile(1), store.createShopperProfile(2));

    TestHttp.Response response = http.delete("/segments/" + segment + "/shopper-profiles");

    assertThat(response.status()).isEqualTo(204);
    assertThat(store.shopperProfilesIn(segment)).isEmpty();
    assertThat(store.shopperProfiles()).hasSize(2);
    assertThat(simulator.metrics().deleteAllRequests(Operation.DELETE_SHOPPER_PROFILE))
        .isEqualTo(1);
  }

  @Test
  void deletingAProfileDetachesItFromItsSegments() {
    UUID segment = store.createSegment("VIP", "");
    UUID a = store.createShopperProfile(1);
    UUID b = store.createShopperProfile(2);
    store.addToSegment(segment, a, b);

    TestHttp.Response response = http.delete("/shopper-profiles?id:in=" + a);

    assertThat(response.status()).isEqualTo(204);
    assertThat(store.shopperProfiles()).extracting(ShopperProfile::id).containsExactly(b);
    assertThat(store.shopperProfilesIn(segment)).extracting(ShopperProfile::id).containsExactly(b);
  }

  @Test
  void deletingWithoutIdInDeletesEveryProfileAndIsCounted() {
    store.createShopperProfile(1);
    store.createShopperProfile(2);

    assertThat(http.delete("/shopper-profiles").status()).isEqualTo(204);

    assertThat(store.shopperProfiles()).isEmpty();
    assertThat(simulator.metrics().deleteAllRequests(Operation.DELETE_STORE_SHOPPER_PROFILE))
        .isEqualTo(1);
  }

  @Test
  void listsTheSegmentsOfAProfile() {
    UUID a = store.createSegment("A", "");
    store.createSegment("B", "");
    UUID c = store.createSegment("C", "");
    UUID profile = store.createShopperProfile(1);
    store.addToSegment(c, profile).addToSegment(a, profile);

    TestHttp.Response response = http.get("/shopper-profiles/" + profile + "/segments?limit=1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("data"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("A");
    assertThat(response.json().get("meta").get("pagination").get("total_pages").asInt())
        .isEqualTo(2);
  }

  @Test
  void listsShopperProfilesWithPagination() {
    List<Long> customers = new ArrayList<>();
    for (long i = 1; i <= 3; i++) {
      store.createShopperProfile(i);
      customers.add(i);
    }

    JsonNode page2 = http.get("/shopper-profiles?limit=2&page=2").json();

    assertThat(page2.get("data"))
        .extracting(n -> n.get("customer_id").asLong())
        .containsExactly(customers.get(2));
    assertThat(page2.get("meta").get("pagination").get("total").asInt()).isEqualTo(3);
  }
}
