package io.github.segmentskit.contract.generated;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.generated.api.SegmentsApi;
import io.github.segmentskit.generated.api.ShopperProfilesApi;
import io.github.segmentskit.generated.invoker.ApiClient;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.SegmentsCollectionResponse;
import io.github.segmentskit.generated.model.SegmentsWriteResponse;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import io.github.segmentskit.generated.model.ShopperProfilesCollectionResponse;
import io.github.segmentskit.generated.model.ShopperProfilesWriteResponse;
import io.github.segmentskit.generated.support.AccessToken;
import io.github.segmentskit.generated.support.GeneratedApiClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves the spec-to-client chain: each of the eleven operations of the generated API, called
 * against WireMock, sends exactly the method, path, query, headers and JSON body the spec
 * describes, and parses the response into typed models.
 */
class GeneratedApiRequestShapeTest {
  private static final String TOKEN = "test-token-7f3a";
  private static final String BASE = "/stores/abc123/v3";
  private static final String JSON = "application/json";
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final UUID OTHER_SEGMENT = UUID.fromString("9b2e1c7d-4f3a-4e8b-a6d5-0c1f2e3d4b5a");
  private static final UUID PROFILE = UUID.fromString("7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a");
  private static final UUID OTHER_PROFILE = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private SegmentsApi segments;
  private ShopperProfilesApi shopperProfiles;

  @BeforeEach
  void clientForTheStore() {
    ApiClient apiClient =
        GeneratedApiClients.forStore(
            URI.create(wm.baseUrl() + BASE),
            AccessToken.of(TOKEN),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    segments = new SegmentsApi(apiClient);
    shopperProfiles = new ShopperProfilesApi(apiClient);
  }

  @Test
  void getPaginatedSegmentsListSendsPageLimitAndOneCommaSeparatedIdIn() throws Exception {
    answer(200, "segments-page.json");

    SegmentsCollectionResponse page =
        segments.getPaginatedSegmentsList(JSON, 2, 50, List.of(SEGMENT, OTHER_SEGMENT));

    assertRequest("GET", BASE + "/segments?page=2&limit=50&id:in=" + SEGMENT + "," + OTHER_SEGMENT);
    Segment segment = page.getData().get(0);
    assertThat(segment.getId()).isEqualTo(SEGMENT);
    assertThat(segment.getCreatedAt())
        .isEqualTo(OffsetDateTime.of(2023, 11, 10, 9, 15, 30, 0, ZoneOffset.UTC));
    assertThat(page.getMeta().getPagination().getTotal()).isEqualTo(51);
    assertThat(page.getMeta().getPagination().getCurrentPage()).isEqualTo(2);
  }

  @Test
  void segmentsPostRequestSendsTheArrayOfNewSegments() throws Exception {
    answer(201, "segments-written.json");

    SegmentsWriteResponse written =
        segments.segmentsPostRequest(
            JSON,
            JSON,
            List.of(
                new SegmentPost().name("Wholesale buyers").description("By the case."),
                new SegmentPost().name("VIP")));

    assertRequest(
        "POST",
        BASE + "/segments",
        "[{\"name\":\"Wholesale buyers\",\"description\":\"By the case.\"},{\"name\":\"VIP\"}]");
    assertThat(written.getData()).extracting(Segment::getId).containsExactly(SEGMENT);
  }

  @Test
  void putSegmentObjectsSendsIdsAndOnlyTheChangedFields() throws Exception {
    answer(201, "segments-written.json");

    SegmentsWriteResponse written =
        segments.putSegmentObjects(
            JSON, JSON, List.of(new SegmentPut().id(SEGMENT).name("Wholesale and trade buyers")));

    assertRequest(
        "PUT",
        BASE + "/segments",
        "[{\"id\":\"" + SEGMENT + "\",\"name\":\"Wholesale and trade buyers\"}]");
    assertThat(written.getData().get(0).getUpdatedAt())
        .isEqualTo(OffsetDateTime.of(2024, 2, 1, 16, 20, 45, 0, ZoneOffset.UTC));
    assertThat(written.getMeta()).isEmpty();
  }

  @Test
  void putSegmentObjectsAlsoAcceptsOk() throws Exception {
    answer(200, "segments-written.json");

    SegmentsWriteResponse written =
        segments.putSegmentObjects(JSON, JSON, List.of(new SegmentPut().id(SEGMENT)));

    assertThat(written.getData()).extracting(Segment::getId).containsExactly(SEGMENT);
  }

  @Test
  void deleteStoreSegmentSendsTheIdsInIdIn() throws Exception {
    answer(204, null);

    segments.deleteStoreSegment(JSON, List.of(SEGMENT, OTHER_SEGMENT));

    assertRequest("DELETE", BASE + "/segments?id:in=" + SEGMENT + "," + OTHER_SEGMENT);
  }

  @Test
  void getSegmentProfilesSendsTheSegmentIdInThePath() throws Exception {
    answer(200, "shopper-profiles-page.json");

    ShopperProfilesCollectionResponse page = segments.getSegmentProfiles(JSON, SEGMENT, 1, 50);

    assertRequest("GET", BASE + "/segments/" + SEGMENT + "/shopper-profiles?page=1&limit=50");
    ShopperProfile profile = page.getData().get(0);
    assertThat(profile.getId()).isEqualTo(PROFILE);
    assertThat(profile.getCustomerId()).isEqualTo(4021L);
  }

  @Test
  void postShopperProfileSendsAnArrayOfProfileIds() throws Exception {
    answer(201, "segment-profiles-added.json");

    var added = segments.postShopperProfile(JSON, JSON, SEGMENT, List.of(PROFILE, OTHER_PROFILE));

    assertRequest(
        "POST",
        BASE + "/segments/" + SEGMENT + "/shopper-profiles",
        "[\"" + PROFILE + "\",\"" + OTHER_PROFILE + "\"]");
    assertThat(added.getData()).extracting(ShopperProfile::getId).containsExactly(PROFILE);
  }

  @Test
  void deleteShopperProfileSendsTheProfileIdsInIdIn() throws Exception {
    answer(204, null);

    segments.deleteShopperProfile(JSON, SEGMENT, List.of(PROFILE));

    assertRequest("DELETE", BASE + "/segments/" + SEGMENT + "/shopper-profiles?id:in=" + PROFILE);
  }

  @Test
  void getShopperListSendsPageAndLimit() throws Exception {
    answer(200, "shopper-profiles-page.json");

    ShopperProfilesCollectionResponse page = shopperProfiles.getShopperList(JSON, 1, 25);

    assertRequest("GET", BASE + "/shopper-profiles?page=1&limit=25");
    assertThat(page.getData().get(0).getUpdatedAt())
        .isEqualTo(OffsetDateTime.of(2023, 11, 10, 9, 20, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void shopperProfilesRequestSendsTheCustomerIds() throws Exception {
    answer(201, "shopper-profiles-written.json");

    ShopperProfilesWriteResponse written =
        shopperProfiles.shopperProfilesRequest(
            JSON, JSON, List.of(new ShopperProfilePost().customerId(4021L)));

    assertRequest("POST", BASE + "/shopper-profiles", "[{\"customer_id\":4021}]");
    assertThat(written.getData()).extracting(ShopperProfile::getCustomerId).containsExactly(4021L);
  }

  @Test
  void deleteStoreShopperProfileSendsTheIdsInIdIn() throws Exception {
    answer(204, null);

    shopperProfiles.deleteStoreShopperProfile(JSON, List.of(PROFILE, OTHER_PROFILE));

    assertRequest("DELETE", BASE + "/shopper-profiles?id:in=" + PROFILE + "," + OTHER_PROFILE);
  }

  @Test
  void getListShopperProfileSendsTheProfileIdInThePath() throws Exception {
    answer(200, "segments-page.json");

    SegmentsCollectionResponse page = shopperProfiles.getListShopperProfile(JSON, PROFILE, 2, 50);

    assertRequest("GET", BASE + "/shopper-profiles/" + PROFILE + "/segments?page=2&limit=50");
    assertThat(page.getData()).extracting(Segment::getId).containsExactly(SEGMENT);
  }

  private static void answer(int status, String fixture) {
    var response = aResponse().withStatus(status);
    if (fixture != null) {
      response.withHeader("Content-Type", JSON).withBody(fixture(fixture));
    }
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  private static void assertRequest(String method, String url) {
    LoggedRequest request = singleRequest();
    assertShape(request, method, url);
    assertThat(request.containsHeader("Content-Type")).as("Content-Type without a body").isFalse();
    assertThat(request.getBody()).isEmpty();
  }

  private static void assertRequest(String method, String url, String json) throws IOException {
    LoggedRequest request = singleRequest();
    assertShape(request, method, url);
    assertThat(request.getHeaders().getHeader("Content-Type").values()).containsExactly(JSON);
    JsonNode sent = MAPPER.readTree(request.getBodyAsString());
    assertThat(sent).isEqualTo(MAPPER.readTree(json));
  }

  private static void assertShape(LoggedRequest request, String method, String url) {
    assertThat(request.getMethod().getName()).isEqualTo(method);
    assertThat(request.getUrl()).isEqualTo(url);
    assertThat(request.getHeaders().getHeader("X-Auth-Token").values()).containsExactly(TOKEN);
    assertThat(request.getHeaders().getHeader("Accept").values()).containsExactly(JSON);
  }

  private static LoggedRequest singleRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static String fixture(String name) {
    try (InputStream in =
        GeneratedApiRequestShapeTest.class.getResourceAsStream("/fixtures/generated/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
