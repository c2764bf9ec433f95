package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentsAcceptanceTest {

  private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123Z");

  private final MutableClock clock = new MutableClock(NOW);
  private SegmentsSimulator simulator;
  private SimulatedStore store;
  private TestHttp http;

  @BeforeEach
  void start() {
    simulator = SegmentsSimulator.builder().clock(clock).build().start();
    store = simulator.store("abc123");
    http = TestHttp.to(simulator.baseUri("abc123"));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void createsSegmentsWithServerGeneratedUuidsAndTimestamps() {
    TestHttp.Response response =
        http.post(
            "/segments",
            "[{\"name\":\"Wholesale buyers\",\"description\":\"By the case\"},{\"name\":\"VIP\"}]");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    JsonNode data = response.json().get("data");
    assertThat(data).hasSize(2);
    assertThat(data.get(0).get("id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(data.get(0).get("id").asText()).isNotEqualTo(data.get(1).get("id").asText());
    assertThat(data.get(0).get("name").asText()).isEqualTo("Wholesale buyers");
    assertThat(data.get(0).get("description").asText()).isEqualTo("By the case");
    assertThat(data.get(1).get("description").asText()).isEmpty();
    assertThat(data.get(0).get("created_at").asText()).isEqualTo("2024-03-01T10:15:30Z");
    assertThat(data.get(0).get("updated_at").asText()).isEqualTo("2024-03-01T10:15:30Z");
    assertThat(response.json().get("meta").isObject()).isTrue();
    assertThat(store.segments())
        .extracting(Segment::name)
        .containsExactly("Wholesale buyers", "VIP");
  }

  @Test
  void rejectsDuplicateSegmentNameWithConflictBody() {
    store.createSegment("VIP", "");

    TestHttp.Response response = http.post("/segments", "[{\"name\":\"VIP\"}]");

    assertThat(response.status()).isEqualTo(409);
    JsonNode body = response.json();
    assertThat(body.get("data")).isEmpty();
    assertThat(body.get("errors")).hasSize(1);
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("status").asInt()).isEqualTo(409);
    assertThat(error.get("title").asText())
        .isEqualTo("Cannot have multiple segments with the same name.");
    assertThat(error.get("type").asText()).startsWith("https://");
    assertThat(error.get("errors").isObject()).isTrue();
    assertThat(body.get("meta").get("total").asInt()).isEqualTo(1);
    assertThat(body.get("meta").get("success").asInt()).isZero();
    assertThat(body.get("meta").get("failed").asInt()).isEqualTo(1);
    assertThat(store.segments()).hasSize(1);
  }

  @Test
  void createsTheFreeNamesOfABatchAndReportsDuplicatesWithinIt() {
    TestHttp.Response response =
        http.post("/segments", "[{\"name\":\"A\"},{\"name\":\"B\"},{\"name\":\"A\"}]");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("data"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("A", "B");
    assertThat(response.json().get("meta").toString())
        .isEqualTo("{\"total\":3,\"success\":2,\"failed\":1}");
    assertThat(store.segments()).extracting(Segment::name).containsExactly("A", "B");
  }

  @Test
  void refusesSegmentsBeyondTheThousandPerStoreWith403AsAPlatformLimit() {
    store.fillSegments(999);

    TestHttp.Response response = http.post("/segments", "[{\"name\":\"x\"},{\"name\":\"y\"}]");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("status").asInt()).isEqualTo(403);
    assertThat(response.json().get("title").asText()).isEqualTo("Platform limit reached");
    assertThat(response.json().get("errors").get("segments").asText()).contains("at most 1000");
    assertThat(store.segments()).hasSize(999);
    assertThat(http.post("/segments", "[{\"name\":\"x\"}]").status()).isEqualTo(201);
  }

  @Test
  void rejectsMissingOrEmptyNameWith422() {
    TestHttp.Response response =
        http.post("/segments", "[{\"description\":\"no name\"},{\"name\":\"\"}]");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("status").asInt()).isEqualTo(422);
    assertThat(response.json().get("errors").get("0.name").asText()).isEqualTo("is required");
    assertThat(response.json().get("errors").get("1.name").asText()).isEqualTo("must not be empty");
    assertThat(store.segments()).isEmpty();
  }

  @Test
  void rejectsMalformedJsonOrWrongShapeWith400() {
    assertThat(http.post("/segments", "[{\"name\":").status()).isEqualTo(400);
    assertThat(http.post("/segments", "{\"name\":\"VIP\"}").status()).isEqualTo(400);
    assertThat(http.post("/segments", "[\"VIP\"]").status()).isEqualTo(400);
    TestHttp.Response wrongType = http.post("/segments", "[{\"name\":5}]");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("errors").get("0.name").asText()).isEqualTo("must be a string");
    assertThat(http.send("POST", "/segments", null).status()).isEqualTo(400);
  }

  @Test
  void rejectsEmptyArrayWith422() {
    assertThat(http.post("/segments", "[]").status()).isEqualTo(422);
    assertThat(http.put("/segments", "[]").status()).isEqualTo(422);
  }

  @Test
  void updatesSegmentsAndTheirUpdatedAtWith201ByDefault() {
    UUID id = store.createSegment("VIP", "old");
    clock.set(NOW.plusSeconds(60));

    TestHttp.Response response =
        http.put("/segments", "[{\"id\":\"" + id + "\",\"description\":\"new\"}]");

    assertThat(response.status()).isEqualTo(201);
    JsonNode segment = response.json().get("data").get(0);
    assertThat(segment.get("name").asText()).isEqualTo("VIP");
    assertThat(segment.get("description").asText()).isEqualTo("new");
    assertThat(segment.get("created_at").asText()).isEqualTo("2024-03-01T10:15:30Z");
    assertThat(segment.get("updated_at").asText()).isEqualTo("2024-03-01T10:16:30Z");
    assertThat(response.json().get("meta").isObject()).isTrue();
  }

  @Test
  void answersPutWith200WhenConfigured() {
    try (SegmentsSimulator other =
        SegmentsSimulator.builder().putSegmentsStatus(200).build().start()) {
      UUID id = other.store("abc123").createSegment("VIP", "");
      TestHttp client = TestHttp.to(other.baseUri("abc123"));

      assertThat(client.put("/segments", "[{\"id\":\"" + id + "\",\"name\":\"V\"}]").status())
          .isEqualTo(200);
    }
  }

  @Test
  void updateOfAnUnknownSegmentIs404AndChangesNothing() {
    UUID known = store.createSegment("VIP", "");
    UUID unknown = UUID.randomUUID();

    TestHttp.Response response =
        http.put(
            "/segments",
            "[{\"id\":\"" + known + "\",\"name\":\"New\"},{\"id\":\"" + unknown + "\"}]");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("errors").get("id").asText()).isEqualTo(unknown.toString());
    assertThat(store.segment(known).orElseThrow().name()).isEqualTo("VIP");
  }

  @Test
  void updateToANameUsedByAnotherSegmentIs422() {
    store.createSegment("A", "");
    UUID b = store.createSegment("B", "");

    TestHttp.Response response = http.put("/segments", "[{\"id\":\"" + b + "\",\"name\":\"A\"}]");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get("0.name").asText()).contains("already used");
  }

  @Test
  void updateCanSwapNamesWithinOneBatch() {
    UUID a = store.createSegment("A", "");
    UUID b = store.createSegment("B", "");

    TestHttp.Response response =
        http.put(
            "/segments",
            "[{\"id\":\"" + a + "\",\"name\":\"B\"},{\"id\":\"" + b + "\",\"name\":\"A\"}]");

    assertThat(response.status()).isEqualTo(201);
    assertThat(store.segment(a).orElseThrow().name()).isEqualTo("B");
  }

  @Test
  void deleteWithIdInDeletesOnlyThoseAndDetachesTheirProfiles() {
    UUID a = store.createSegment("A", "");
    UUID b = store.createSegment("B", "");
    UUID c = store.createSegment("C", "");
    UUID profile = store.createShopperProfile(7);
    store.addToSegment(a, profile).addToSegment(c, profile);

    TestHttp.Response response = http.delete("/segments?id:in=" + a + "," + b);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Type")).isNull();
    assertThat(store.segments()).extracting(Segment::id).containsExactly(c);
    assertThat(store.shopperProfile(profile)).isPresent();
    assertThat(store.segmentsOf(profile)).extracting(Segment::id).containsExactly(c);
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
  }

  @Test
  void deleteWithoutIdInDeletesEverySegmentAndIsCounted() {
    store.fillSegments(3);

    TestHttp.Response response = http.delete("/segments");

    assertThat(response.status()).isEqualTo(204);
    assertThat(store.segments()).isEmpty();
    assertThat(simulator.metrics().deleteAllRequests()).isEqualTo(1);
    assertThat(simulator.metrics().deleteAllRequests(Operation.DELETE_STORE_SEGMENT)).isEqualTo(1);
  }

  @Test
  void listsOnlyTheSegmentsInIdIn() {
    UUID a = store.createSegment("A", "");
    store.createSegment("B", "");
    UUID c = store.createSegment("C", "");

    TestHttp.Response response =
        http.get("/segments?id:in=" + c + "," + a + "," + UUID.randomUUID());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("data"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("A", "C");
    assertThat(response.json().get("meta").get("pagination").get("total").asInt()).isEqualTo(2);
  }

  @Test
  void acceptsPercentEncodedIdIn() {
    UUID a = store.createSegment("A", "");
    UUID b = store.createSegment("B", "");
    store.createSegment("C", "");

    TestHttp.Response listed = http.get("/segments?id%3Ain=" + a + "%2C" + b);
    TestHttp.Response deleted = http.delete("/segments?id%3Ain=" + a + "%2c" + b);

    assertThat(listed.json().get("data")).hasSize(2);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(store.segments()).extracting(Segment::name).containsExactly("C");
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
  }

  @Test
  void rejectsNonCanonicalUuidWith422() {
    UUID a = store.createSegment("A", "");

    TestHttp.Response inQuery = http.delete("/segments?id:in=" + a + ",1-1-1-1-1");
    TestHttp.Response inBody = http.put("/segments", "[{\"id\":\"1-1-1-1-1\"}]");
    TestHttp.Response inPath = http.get("/segments/1-1-1-1-1/shopper-profiles");

    assertThat(inQuery.status()).isEqualTo(422);
    assertThat(inQuery.json().get("errors").get("id:in[1]").asText()).isEqualTo("must be a UUID");
    assertThat(inBody.status()).isEqualTo(422);
    assertThat(inBody.json().get("errors").get("0.id").asText()).isEqualTo("must be a UUID");
    assertThat(inPath.status()).isEqualTo(422);
    assertThat(inPath.json().get("errors").get("segmentId").asText()).isEqualTo("must be a UUID");
    assertThat(store.segments()).hasSize(1);
  }

  @Test
  void acceptsUppercaseUuids() {
    UUID a = store.createSegment("A", "");

    TestHttp.Response response =
        http.get("/segments?id:in=" + a.toString().toUpperCase(Locale.ROOT));

    assertThat(response.json().get("data")).hasSize(1);
  }

  @Test
  void rejectsEmptyOrRepeatedIdInWith422AndDeletesNothing() {
    UUID a = store.createSegment("A", "");
    UUID b = store.createSegment("B", "");

    assertThat(http.delete("/segments?id:in=").status()).isEqualTo(422);
    assertThat(http.delete("/segments?id:in=" + a + "&id:in=" + b).status()).isEqualTo(422);
    assertThat(http.delete("/segments?id:in=" + a + ",").status()).isEqualTo(422);

    assertThat(store.segments()).hasSize(2);
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
  }

  @Test
  void paginatesWithMeta() {
    store.fillSegments(7);

    JsonNode first = http.get("/segments?limit=3").json();
    JsonNode last = http.get("/segments?limit=3&page=3").json();
    JsonNode beyond = http.get("/segments?limit=3&page=4").json();
    JsonNode defaults = http.get("/segments").json();

    assertThat(first.get("data"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("Segment 1", "Segment 2", "Segment 3");
    assertThat(first.get("meta").get("pagination").toString())
        .isEqualTo("{\"total\":7,\"count\":3,\"per_page\":3,\"current_page\":1,\"total_pages\":3}");
    assertThat(last.get("data"))
        .extracting(n -> n.get("name").asText())
        .containsExactly("Segment 7");
    assertThat(last.get("meta").get("pagination").get("count").asInt()).isEqualTo(1);
    assertThat(beyond.get("data")).isEmpty();
    assertThat(defaults.get("meta").get("pagination").get("per_page").asInt()).isEqualTo(50);
    assertThat(defaults.get("meta").get("pagination").get("current_page").asInt()).isEqualTo(1);
  }

  @Test
  void answersALimitAboveTheMaximumPageSizeWith413() {
    store.fillSegments(3);

    TestHttp.Response tooLarge = http.get("/segments?limit=251");

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("errors").get("limit").asText())
        .isEqualTo("must be at most 250");
    assertThat(http.get("/segments?limit=250").status()).isEqualTo(200);
    assertThat(http.get("/shopper-profiles?limit=1000").status()).isEqualTo(413);
  }

  @Test
  void rejectsInvalidPageOrLimitWith422() {
    assertThat(http.get("/segments?page=0").status()).isEqualTo(422);
    assertThat(http.get("/segments?limit=abc").json().get("errors").get("limit").asText())
        .contains("integer");
  }

  @Test
  void storesAreIndependent() {
    store.createSegment("Only in abc123", "");
    TestHttp other = TestHttp.to(simulator.baseUri("def456"));

    assertThat(other.get("/segments").json().get("data")).isEmpty();
    assertThat(http.get("/segments").json().get("data")).hasSize(1);
  }

  @Test
  void keepsCreationOrderAcrossManyPosts() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      names.add("S" + i);
      assertThat(http.post("/segments", "[{\"name\":\"S" + i + "\"}]").status()).isEqualTo(201);
    }
    assertThat(http.get("/segments").json().get("data"))
        .extracting(n -> n.get("name").asText())
        .containsExactlyElementsOf(names);
  }
}
