package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.PROFILE_A;
import static io.github.segmentskit.contract.Fixtures.PROFILE_B;
import static io.github.segmentskit.contract.Fixtures.SEGMENT_A;
import static io.github.segmentskit.contract.Fixtures.SEGMENT_B;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code *Async} variants send what their blocking twins send, through the same limiter and
 * error mapping; bad input still fails at once, before a future exists.
 */
class SegmentsClientAsyncTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
  private SegmentsClient client;

  @BeforeEach
  void setUp() {
    client =
        TestClients.builder(wireMock, new RecordingSleeper()).limiterRegistry(registry).build();
  }

  @AfterEach
  void tearDown() {
    assertThat(registry.permitsInUse(Fixtures.STORE)).isZero();
    client.close();
    SpecValidation.assertAllInteractionsMatchSpec(wireMock);
  }

  @Test
  void listSegmentsAsyncWithIdsSendsOneCommaSeparatedIdIn() {
    wireMock.stubFor(
        get(urlEqualTo(
                BASE_PATH + "/segments?page=1&limit=50&id:in=" + SEGMENT_A + "," + SEGMENT_B))
            .willReturn(okJson(json("segments-page.json"))));

    var page =
        client
            .segments()
            .list(PageParams.first(), List.of(SEGMENT_A, SEGMENT_B))
            .executeAsync()
            .join();

    assertThat(page.items()).extracting(Segment::getId).containsExactly(SEGMENT_A, SEGMENT_B);
  }

  @Test
  void listShopperProfilesAsyncReturnsThePage() {
    wireMock.stubFor(
        get(urlEqualTo(BASE_PATH + "/shopper-profiles?page=1&limit=50"))
            .willReturn(okJson(json("profiles-page.json"))));

    var page = client.shopperProfiles().list(PageParams.first()).executeAsync().join();

    assertThat(page.items()).extracting(ShopperProfile::getCustomerId).containsExactly(1042L);
  }

  @Test
  void listSegmentShopperProfilesAsyncPutsTheSegmentIdInThePath() {
    wireMock.stubFor(
        get(urlEqualTo(BASE_PATH + "/segments/" + SEGMENT_A + "/shopper-profiles?page=1&limit=50"))
            .willReturn(okJson(json("profiles-page.json"))));

    var page =
        client.segments().shopperProfiles(SEGMENT_A).list(PageParams.first()).executeAsync().join();

    assertThat(page.items()).hasSize(1);
  }

  @Test
  void listShopperProfileSegmentsAsyncPutsTheProfileIdInThePath() {
    wireMock.stubFor(
        get(urlEqualTo(BASE_PATH + "/shopper-profiles/" + PROFILE_A + "/segments?page=1&limit=50"))
            .willReturn(okJson(json("segments-page.json"))));

    var page =
        client.shopperProfiles().segments(PROFILE_A).list(PageParams.first()).executeAsync().join();

    assertThat(page.items()).hasSize(2);
  }

  @Test
  void removeShopperProfilesFromSegmentAsyncSendsTheIdsInIdIn() {
    String url =
        BASE_PATH
            + "/segments/"
            + SEGMENT_A
            + "/shopper-profiles?id:in="
            + PROFILE_A
            + ","
            + PROFILE_B;
    wireMock.stubFor(delete(urlEqualTo(url)).willReturn(aResponse().withStatus(204)));

    assertThat(
            client
                .segments()
                .shopperProfiles(SEGMENT_A)
                .remove(List.of(PROFILE_A, PROFILE_B))
                .executeAsync()
                .join()
                .allSucceeded())
        .isTrue();

    wireMock.verify(1, deleteRequestedFor(urlEqualTo(url)));
  }

  @Test
  void deleteShopperProfilesAsyncSendsTheIdsInIdIn() {
    String url = BASE_PATH + "/shopper-profiles?id:in=" + PROFILE_A;
    wireMock.stubFor(delete(urlEqualTo(url)).willReturn(aResponse().withStatus(204)));

    client.shopperProfiles().delete(List.of(PROFILE_A)).executeAsync().join();

    wireMock.verify(1, deleteRequestedFor(urlEqualTo(url)));
  }

  @Test
  void asyncFailuresCompleteTheFutureWithTheTypedException() {
    wireMock.stubFor(
        get(urlEqualTo(BASE_PATH + "/shopper-profiles/" + PROFILE_A + "/segments?page=1&limit=50"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("error-404.json"))));

    assertThatThrownBy(
            () ->
                client
                    .shopperProfiles()
                    .segments(PROFILE_A)
                    .list(PageParams.first())
                    .executeAsync()
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void asyncVariantsRejectBadInputBeforeAnyFutureOrRequest() {
    // The call object is made (and its input checked) before execute() or executeAsync():
    // blocking and async fail alike, in the caller's thread, with no future and no request.
    assertThatThrownBy(() -> client.shopperProfiles().delete(List.of()).executeAsync())
        .isInstanceOf(SegmentsValidationException.class);
    assertThatThrownBy(
            () ->
                client
                    .segments()
                    .shopperProfiles(SEGMENT_A)
                    .remove(java.util.Arrays.asList(PROFILE_A, null))
                    .executeAsync())
        .isInstanceOf(SegmentsValidationException.class);
    assertThatThrownBy(() -> client.segments().shopperProfiles(null).list(PageParams.first()))
        .isInstanceOf(SegmentsValidationException.class);
    assertThatThrownBy(() -> client.segments().list(PageParams.first(), List.of()).executeAsync())
        .isInstanceOf(SegmentsValidationException.class);

    assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
