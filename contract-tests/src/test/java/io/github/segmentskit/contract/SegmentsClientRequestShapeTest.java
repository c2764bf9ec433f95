package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.PROFILE_A;
import static io.github.segmentskit.contract.Fixtures.PROFILE_B;
import static io.github.segmentskit.contract.Fixtures.SEGMENT_A;
import static io.github.segmentskit.contract.Fixtures.SEGMENT_B;
import static io.github.segmentskit.contract.Fixtures.TOKEN;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.Page;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation through {@link SegmentsClient}: what goes on the wire, and what comes back. */
class SegmentsClientRequestShapeTest {
  private static final String JSON = "application/json";

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private SegmentsClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.builder(wireMock, new RecordingSleeper()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    SpecValidation.assertAllInteractionsMatchSpec(wireMock);
    for (ServeEvent event : wireMock.getAllServeEvents()) {
      assertThat(event.getRequest().header("Accept").values()).containsExactly(JSON);
      assertThat(event.getRequest().header("X-Auth-Token").values()).containsExactly(TOKEN);
      assertThat(event.getRequest().header("User-Agent").firstValue())
          .matches("segments-kit/2\\.\\d+\\.\\d+\\S* java/\\S+");
    }
  }

  private static MappingBuilder authenticated(MappingBuilder request) {
    return request.withHeader("X-Auth-Token", equalTo(TOKEN)).withHeader("Accept", equalTo(JSON));
  }

  private static MappingBuilder withJsonBody(MappingBuilder request, String fixture) {
    return authenticated(request)
        .withHeader("Content-Type", equalTo(JSON))
        .withRequestBody(equalToJson(json(fixture), false, false));
  }

  @Test
  void listSegmentsSendsPageAndLimitAndReturnsThePageWithItsPagination() {
    wireMock.stubFor(
        authenticated(get(urlEqualTo(BASE_PATH + "/segments?page=1&limit=50")))
            .willReturn(okJson(json("segments-page.json"))));

    Page<Segment> page = client.segments().list(PageParams.first()).execute();

    assertThat(page.items())
        .extracting(Segment::getName)
        .containsExactly("Wholesale buyers", "Newsletter subscribers");
    assertThat(page.pagination().getTotal()).isEqualTo(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void listSegmentsSendsIdInAsOneLiteralCommaSeparatedValue() {
    wireMock.stubFor(
        authenticated(
                get(
                    urlEqualTo(
                        BASE_PATH
                            + "/segments?page=1&limit=50&id:in="
                            + SEGMENT_A
                            + ","
                            + SEGMENT_B)))
            .willReturn(okJson(json("segments-page.json"))));

    Page<Segment> page =
        client.segments().list(PageParams.first(), List.of(SEGMENT_A, SEGMENT_B)).execute();

    assertThat(page.items()).extracting(Segment::getId).containsExactly(SEGMENT_A, SEGMENT_B);
  }

  @Test
  void streamSegmentsFetchesEveryPageLazily() {
    wireMock.stubFor(
        authenticated(get(urlEqualTo(BASE_PATH + "/segments?page=1&limit=1")))
            .willReturn(okJson(json("segments-page-1-of-2.json"))));
    wireMock.stubFor(
        authenticated(get(urlEqualTo(BASE_PATH + "/segments?page=2&limit=1")))
            .willReturn(okJson(json("segments-page-2-of-2.json"))));

    assertThat(client.segments().stream(1).findFirst()).isPresent();
    assertThat(wireMock.getAllServeEvents()).hasSize(1);
    assertThat(client.segments().stream(1).map(Segment::getName).toList())
        .containsExactly("Wholesale buyers", "Newsletter subscribers");
  }

  @Test
  void createSegmentsPostsTheSegmentsAsAJsonArray() {
    wireMock.stubFor(
        withJsonBody(post(urlEqualTo(BASE_PATH + "/segments")), "create-segments-request.json")
            .willReturn(jsonStatus(201, "create-segments-response.json")));

    List<Segment> created =
        client
            .segments()
            .create(
                List.of(
                    new SegmentPost()
                        .name("Wholesale buyers")
                        .description("Customers who order by the case."),
                    new SegmentPost().name("Newsletter subscribers")))
            .execute();

    assertThat(created).extracting(Segment::getId).containsExactly(SEGMENT_A, SEGMENT_B);
  }

  @Test
  void updateSegmentsPutsTheChangesAndAcceptsTheDocumented201() {
    wireMock.stubFor(
        withJsonBody(put(urlEqualTo(BASE_PATH + "/segments")), "update-segments-request.json")
            .willReturn(jsonStatus(201, "update-segments-response.json")));

    List<Segment> updated = client.segments().update(updateBoth()).execute();

    assertThat(updated)
        .extracting(Segment::getName)
        .containsExactly("Wholesale and trade buyers", "Newsletter subscribers");
  }

  @Test
  void updateSegmentsAcceptsA200Too() {
    wireMock.stubFor(
        withJsonBody(put(urlEqualTo(BASE_PATH + "/segments")), "update-segments-request.json")
            .willReturn(okJson(json("update-segments-response.json"))));

    assertThat(client.segments().update(updateBoth()).executeAsync().join()).hasSize(2);
  }

  @Test
  void deleteSegmentsSendsTheIdsInIdIn() {
    wireMock.stubFor(
        authenticated(
                delete(urlEqualTo(BASE_PATH + "/segments?id:in=" + SEGMENT_A + "," + SEGMENT_B)))
            .willReturn(aResponse().withStatus(204)));

    ChunkedResult<UUID> deleted = client.segments().delete(List.of(SEGMENT_A, SEGMENT_B)).execute();

    assertThat(deleted.allSucceeded()).isTrue();
    assertThat(deleted.items()).containsExactly(SEGMENT_A, SEGMENT_B);

    ServeEvents.awaitCount(wireMock, 1);
    wireMock.verify(
        1,
        deleteRequestedFor(
            urlEqualTo(BASE_PATH + "/segments?id:in=" + SEGMENT_A + "," + SEGMENT_B)));
  }

  @Test
  void deleteAllSegmentsIsTheOnlyWayToSendADeleteWithoutIds() {
    wireMock.stubFor(
        authenticated(delete(urlEqualTo(BASE_PATH + "/segments")))
            .willReturn(aResponse().withStatus(204)));

    client.segments().deleteAll().execute();

    ServeEvents.awaitCount(wireMock, 1);
    wireMock.verify(1, deleteRequestedFor(urlEqualTo(BASE_PATH + "/segments")));
  }

  @Test
  void listSegmentShopperProfilesPutsTheSegmentIdInThePath() {
    wireMock.stubFor(
        authenticated(
                get(
                    urlEqualTo(
                        BASE_PATH
                            + "/segments/"
                            + SEGMENT_A
                            + "/shopper-profiles?page=1&limit=50")))
            .willReturn(okJson(json("profiles-page.json"))));

    Page<ShopperProfile> page =
        client.segments().shopperProfiles(SEGMENT_A).list(PageParams.first()).execute();

    assertThat(page.items()).extracting(ShopperProfile::getCustomerId).containsExactly(1042L);
  }

  @Test
  void addShopperProfilesToSegmentPostsTheIdsAsAJsonArray() {
    wireMock.stubFor(
        withJsonBody(
                post(urlEqualTo(BASE_PATH + "/segments/" + SEGMENT_A + "/shopper-profiles")),
                "add-profiles-request.json")
            .willReturn(jsonStatus(201, "add-profiles-response.json")));

    ChunkedResult<ShopperProfile> result =
        client.segments().shopperProfiles(SEGMENT_A).add(List.of(PROFILE_A, PROFILE_B)).execute();

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.items()).hasSize(2);
  }

  @Test
  void removeShopperProfilesFromSegmentSendsTheIdsInIdIn() {
    String url =
        BASE_PATH
            + "/segments/"
            + SEGMENT_A
            + "/shopper-profiles?id:in="
            + PROFILE_A
            + ","
            + PROFILE_B;
    wireMock.stubFor(
        authenticated(delete(urlEqualTo(url))).willReturn(aResponse().withStatus(204)));

    client.segments().shopperProfiles(SEGMENT_A).remove(List.of(PROFILE_A, PROFILE_B)).execute();

    ServeEvents.awaitCount(wireMock, 1);
    wireMock.verify(1, deleteRequestedFor(urlEqualTo(url)));
  }

  @Test
  void removeAllShopperProfilesFromSegmentSendsNoIds() {
    String url = BASE_PATH + "/segments/" + SEGMENT_A + "/shopper-profiles";
    wireMock.stubFor(
        authenticated(delete(urlEqualTo(url))).willReturn(aResponse().withStatus(204)));

    client.segments().shopperProfiles(SEGMENT_A).removeAll().execute();

    ServeEvents.awaitCount(wireMock, 1);
    wireMock.verify(1, deleteRequestedFor(urlEqualTo(url)));
  }

  @Test
  void listShopperProfilesSendsPageAndLimit() {
    wireMock.stubFor(
        authenticated(get(urlEqualTo(BASE_PATH + "/shopper-profiles?page=1&limit=50")))
            .willReturn(okJson(json("profiles-page.json"))));

    assertThat(client.shopperProfiles().stream().map(ShopperProfile::getCustomerId).toList())
        .containsExactly(1042L);
  }

  @Test
  void createShopperProfilesPostsTheCustomerIds() {
    wireMock.stubFor(
        withJsonBody(
                post(urlEqualTo(BASE_PATH + "/shopper-profiles")), "create-profiles-request.json")
            .willReturn(jsonStatus(201, "create-profiles-response.json")));

    List<ShopperProfile> created =
        client
            .shopperProfiles()
            .create(
                List.of(
                    new ShopperProfilePost().customerId(1042L),
                    new ShopperProfilePost().customerId(1043L)))
            .execute();

    assertThat(created).extracting(ShopperProfile::getId).containsExactly(PROFILE_A, PROFILE_B);
  }

  @Test
  void deleteShopperProfilesSendsTheIdsInIdIn() {
    String url = BASE_PATH + "/shopper-profiles?id:in=" + PROFILE_A;
    wireMock.stubFor(
        authenticated(delete(urlEqualTo(url))).willReturn(aResponse().withStatus(204)));

    client.shopperProfiles().delete(List.of(PROFILE_A)).execute();

    ServeEvents.awaitCount(wireMock, 1);
    wireMock.verify(1, deleteRequestedFor(urlEqualTo(url)));
  }

  @Test
  void deleteAllShopperProfilesSendsNoIds() {
    String url = BASE_PATH + "/shopper-profiles";
    wireMock.stubFor(
        authenticated(delete(urlEqualTo(url))).willReturn(aResponse().withStatus(204)));

    client.shopperProfiles().deleteAll().execute();

    ServeEvents.awaitCount(wireMock, 1);
    wireMock.verify(1, deleteRequestedFor(urlEqualTo(url)));
  }

  @Test
  void listShopperProfileSegmentsPutsTheProfileIdInThePath() {
    wireMock.stubFor(
        authenticated(
                get(
                    urlEqualTo(
                        BASE_PATH
                            + "/shopper-profiles/"
                            + PROFILE_A
                            + "/segments?page=1&limit=50")))
            .willReturn(okJson(json("segments-page.json"))));

    assertThat(client.shopperProfiles().segments(PROFILE_A).stream().count()).isEqualTo(2);
  }

  static List<SegmentPut> updateBoth() {
    return List.of(
        new SegmentPut().id(SEGMENT_A).name("Wholesale and trade buyers"),
        new SegmentPut().id(SEGMENT_B).description("Monthly newsletter."));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonStatus(
      int status, String fixture) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(json(fixture));
  }
}
