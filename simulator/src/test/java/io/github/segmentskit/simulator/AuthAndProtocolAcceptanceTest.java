package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthAndProtocolAcceptanceTest {

  private SegmentsSimulator simulator;
  private SimulatedStore store;
  private TestHttp http;

  @BeforeEach
  void start() {
    simulator =
        SegmentsSimulator.builder()
            .modifyTokens("modify-1", "modify-2")
            .readOnlyTokens("reader")
            .build()
            .start();
    store = simulator.store("abc123");
    http = TestHttp.to(simulator.baseUri("abc123")).withToken("modify-1");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void missingTokenIs401() {
    TestHttp.Response response = http.withToken(null).get("/segments");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("status").asInt()).isEqualTo(401);
    assertThat(response.json().get("errors").get("X-Auth-Token").asText()).isEqualTo("is required");
  }

  @Test
  void unknownTokenIs401EvenForTheDefaultDevToken() {
    assertThat(http.withToken("nope").get("/segments").status()).isEqualTo(401);
    assertThat(http.withToken(SimulatorConfig.DEV_TOKEN).get("/segments").status()).isEqualTo(401);
  }

  @Test
  void everyModifyTokenWorks() {
    assertThat(http.withToken("modify-2").post("/segments", "[{\"name\":\"A\"}]").status())
        .isEqualTo(201);
  }

  @Test
  void readOnlyTokenCanRead() {
    TestHttp reader = http.withToken("reader");
    UUID profile = store.createShopperProfile(1);

    assertThat(reader.get("/segments").status()).isEqualTo(200);
    assertThat(reader.get("/shopper-profiles").status()).isEqualTo(200);
    assertThat(reader.get("/shopper-profiles/" + profile + "/segments").status()).isEqualTo(200);
  }

  @Test
  void readOnlyTokenCannotWrite() {
    TestHttp reader = http.withToken("reader");
    UUID segment = store.createSegment("VIP", "");
    UUID profile = store.createShopperProfile(1);

    assertThat(reader.post("/segments", "[{\"name\":\"A\"}]").status()).isEqualTo(403);
    assertThat(reader.put("/segments", "[{\"id\":\"" + segment + "\"}]").status()).isEqualTo(403);
    assertThat(reader.delete("/segments?id:in=" + segment).status()).isEqualTo(403);
    assertThat(reader.post("/shopper-profiles", "[{\"customer_id\":2}]").status()).isEqualTo(403);
    assertThat(reader.delete("/shopper-profiles?id:in=" + profile).status()).isEqualTo(403);
    String members = "/segments/" + segment + "/shopper-profiles";
    assertThat(reader.post(members, "[\"" + profile + "\"]").status()).isEqualTo(403);
    TestHttp.Response forbidden = reader.delete(members + "?id:in=" + profile);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("title").asText()).contains("scope");

    assertThat(store.segments()).hasSize(1);
    assertThat(store.shopperProfiles()).hasSize(1);
  }

  @Test
  void readOnlyTokenCannotListTheProfilesOfASegment() {
    UUID segment = store.createSegment("VIP", "");

    assertThat(http.withToken("reader").get("/segments/" + segment + "/shopper-profiles").status())
        .isEqualTo(403);
    assertThat(http.get("/segments/" + segment + "/shopper-profiles").status()).isEqualTo(200);
  }

  @Test
  void aDeleteAllIsCountedEvenWhenItIsRefused() {
    store.createSegment("VIP", "");

    assertThat(http.withToken("reader").delete("/segments").status()).isEqualTo(403);

    assertThat(simulator.metrics().deleteAllRequests()).isEqualTo(1);
    assertThat(store.segments()).hasSize(1);
  }

  @Test
  void everyResponseCarriesTheRateLimitHeaders() {
    for (TestHttp.Response response :
        new TestHttp.Response[] {
          http.get("/segments"),
          http.withToken(null).get("/segments"),
          http.delete("/segments?id:in=" + UUID.randomUUID()),
          http.get("/nothing-here")
        }) {
      assertThat(response.header("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
      assertThat(Long.parseLong(response.header("X-Rate-Limit-Time-Reset-Ms")))
          .isBetween(0L, 30000L);
      assertThat(response.header("X-Rate-Limit-Requests-Quota")).isEqualTo("150");
      assertThat(Integer.parseInt(response.header("X-Rate-Limit-Requests-Left"))).isBetween(0, 149);
    }
  }

  @Test
  void requestsLeftCountsDownWithinTheWindow() {
    int first = Integer.parseInt(http.get("/segments").header("X-Rate-Limit-Requests-Left"));
    int second = Integer.parseInt(http.get("/segments").header("X-Rate-Limit-Requests-Left"));

    assertThat(second).isEqualTo(first - 1);
  }

  @Test
  void anAcceptThatExcludesJsonIs406ButWildcardsAreFine() {
    assertThat(http.send("GET", "/segments", null, "Accept", "text/html").status()).isEqualTo(406);
    assertThat(http.send("GET", "/segments", null, "Accept", "*/*").status()).isEqualTo(200);
    assertThat(
            http.send("GET", "/segments", null, "Accept", "text/html, application/json;q=0.9")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    TestHttp.Response response =
        http.send(
            "POST", "/segments", "name=VIP", "Content-Type", "application/x-www-form-urlencoded");

    assertThat(response.status()).isEqualTo(415);
    assertThat(store.segments()).isEmpty();
  }

  @Test
  void anUnknownPathIs404AndAnUnknownMethodIs405() {
    TestHttp.Response unknown = http.get("/segmentz");
    TestHttp.Response trailingSlash = http.get("/segments/");
    TestHttp.Response patch = http.send("PATCH", "/segments", "[]");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
    assertThat(trailingSlash.status()).isEqualTo(404);
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.header("Allow")).isEqualTo("GET, POST, PUT, DELETE");
  }

  @Test
  void countsRequestsPerOperation() {
    http.get("/segments");
    http.get("/segments");
    http.post("/shopper-profiles", "[{\"customer_id\":1}]");
    http.withToken("reader").delete("/shopper-profiles?id:in=" + UUID.randomUUID());

    Metrics metrics = simulator.metrics();
    assertThat(metrics.requests(Operation.GET_PAGINATED_SEGMENTS_LIST)).isEqualTo(2);
    assertThat(metrics.requests(Operation.SHOPPER_PROFILES_REQUEST)).isEqualTo(1);
    assertThat(metrics.requests(Operation.DELETE_STORE_SHOPPER_PROFILE)).isEqualTo(1);
    assertThat(metrics.requestsByOperation().get(Operation.PUT_SEGMENT_OBJECTS)).isZero();
    assertThat(metrics.requestsReceived()).isEqualTo(4);
    assertThat(metrics.responsesByStatus())
        .containsEntry(200, 2L)
        .containsEntry(201, 1L)
        .containsEntry(403, 1L);

    metrics.reset();

    assertThat(metrics.requestsReceived()).isZero();
    assertThat(metrics.responsesSent()).isZero();
  }
}
