package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.PROFILE_A;
import static io.github.segmentskit.contract.Fixtures.SEGMENT_A;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ChunkOutcome;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules checked before sending: nothing leaves the client when they fail. */
class SegmentsClientValidationTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private SegmentsClient client;

  @BeforeEach
  void setUp() {
    client =
        TestClients.builder(wireMock, new RecordingSleeper())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    SpecValidation.assertAllInteractionsMatchSpec(wireMock);
  }

  private static void assertNothingSent() {
    assertThat(ServeEvents.awaitCount(wireMock, 0)).isEmpty();
  }

  @Test
  void idsFromTextGoThroughTheStrictParserWhichNamesEveryBadOne() {
    SegmentsValidationException e =
        assertThrows(
            SegmentsValidationException.class,
            () ->
                Ids.parseAll(
                    Arrays.asList(SEGMENT_A.toString(), "abc", SEGMENT_A.toString(), "1-1-1-1-1")));

    assertThat(e.getMessage())
        .isEqualTo(
            "ids[1] \"abc\" is not a canonical UUID; ids[3] \"1-1-1-1-1\" is not a canonical UUID");
    assertThat(e.problems()).hasSize(2);
    assertNothingSent();
  }

  @Test
  void rejectsNullIdsBeforeSendingForBlockingAndAsyncAlike() {
    assertThat(
            assertThrows(
                SegmentsValidationException.class,
                () -> client.segments().delete(Arrays.asList(SEGMENT_A, null))))
        .hasMessage("ids[1] is null");
    assertThrows(
        SegmentsValidationException.class,
        () -> client.segments().shopperProfiles(SEGMENT_A).add(Arrays.asList(PROFILE_A, null)));
    assertThrows(
        SegmentsValidationException.class,
        () -> client.segments().list(PageParams.first(), Arrays.asList((UUID) null)));
    assertThrows(SegmentsValidationException.class, () -> client.segments().shopperProfiles(null));
    assertThrows(SegmentsValidationException.class, () -> client.shopperProfiles().segments(null));
    assertNothingSent();
  }

  @Test
  void safeDeletesRefuseEmptyOrNullIdListsAndSendNothing() {
    assertThat(
            assertThrows(
                SegmentsValidationException.class, () -> client.segments().delete(List.of())))
        .hasMessageContaining("would delete everything")
        .hasMessageContaining("segments().deleteAll()");
    assertThat(
            assertThrows(
                SegmentsValidationException.class,
                () -> client.segments().shopperProfiles(SEGMENT_A).remove(List.of())))
        .hasMessageContaining("segments().shopperProfiles(id).removeAll()");
    assertThat(
            assertThrows(
                SegmentsValidationException.class, () -> client.shopperProfiles().delete(null)))
        .hasMessageContaining("shopperProfiles().deleteAll()");
    assertNothingSent();
  }

  @Test
  void rejectsEmptyListsAndInvalidItemsBeforeSending() {
    assertThrows(SegmentsValidationException.class, () -> client.segments().create(List.of()));
    SegmentsValidationException e =
        assertThrows(
            SegmentsValidationException.class,
            () ->
                client
                    .segments()
                    .create(
                        Arrays.asList(
                            new SegmentPost().name("ok"),
                            new SegmentPost(),
                            null,
                            new SegmentPost().name(""))));
    assertThat(e.problems())
        .containsExactly(
            "segments[1].name is missing",
            "segments[2] is null",
            "segments[3].name must not be empty");
    assertThat(
            assertThrows(
                SegmentsValidationException.class,
                () -> client.segments().update(List.of(new SegmentPut().name("no id")))))
        .hasMessage("segments[0].id is missing");
    assertThat(
            assertThrows(
                SegmentsValidationException.class,
                () ->
                    client
                        .shopperProfiles()
                        .create(List.of(new ShopperProfilePost().customerId(0L)))))
        .hasMessage("shopperProfiles[0].customer_id must be at least 1, was 0");
    assertThrows(SegmentsValidationException.class, () -> client.segments().update(List.of()));
    assertThrows(
        SegmentsValidationException.class,
        () -> client.segments().shopperProfiles(SEGMENT_A).add(List.of()));
    assertThrows(SegmentsValidationException.class, () -> client.segments().list(null));
    assertThrows(SegmentsValidationException.class, () -> client.segments().stream(0));
    assertThrows(SegmentsValidationException.class, () -> client.shopperProfiles().stream(251));
    assertNothingSent();
  }

  @Test
  void aFilteredListRefusesMoreIdsThanFitInOneRequestAndPointsToTheStream() {
    List<UUID> many = profileIds(1_000);
    assertThat(
            assertThrows(
                SegmentsValidationException.class,
                () -> client.segments().list(PageParams.first(), many)))
        .hasMessageContaining("more than fit in one request")
        .hasMessageContaining("stream(pageSize, ids)");
    assertNothingSent();
  }

  @Test
  void splitsAddsIntoChunksOfFiftyAndReportsEachChunk() {
    List<UUID> ids = profileIds(120);
    String path = BASE_PATH + "/segments/" + SEGMENT_A + "/shopper-profiles";
    wireMock.stubFor(
        post(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("add-profiles-response.json"))));
    // The chunk that holds the 51st id (index 50) is refused.
    wireMock.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(matchingJsonPath("$[0]", equalTo(ids.get(50).toString())))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("conflict-409-profile.json"))));

    ChunkedResult<ShopperProfile> result =
        client.segments().shopperProfiles(SEGMENT_A).add(ids).execute();

    assertThat(ServeEvents.awaitCount(wireMock, 3)).hasSize(3);
    assertThat(result.chunks())
        .extracting(ChunkOutcome::firstInputIndex)
        .containsExactly(0, 50, 100);
    assertThat(result.chunks()).extracting(chunk -> chunk.ids().size()).containsExactly(50, 50, 20);
    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).extracting(ChunkOutcome::index).containsExactly(0, 2);
    assertThat(result.failed())
        .singleElement()
        .satisfies(
            chunk -> {
              assertThat(chunk.index()).isEqualTo(1);
              assertThat(chunk.failure())
                  .isInstanceOfSatisfying(
                      ConflictException.class,
                      conflict ->
                          assertThat(conflict.addedShopperProfiles())
                              .extracting(ShopperProfile::getCustomerId)
                              .containsExactly(1043L));
            });
    assertThat(result.failedIds()).isEqualTo(ids.subList(50, 100));
    assertThrows(ConflictException.class, result::orThrow);
  }

  @Test
  void orThrowThrowsTheFirstFailedChunkWithEveryOtherFailureSuppressedOnce() {
    List<UUID> ids = profileIds(120);
    String path = BASE_PATH + "/segments/" + SEGMENT_A + "/shopper-profiles";
    wireMock.stubFor(
        post(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("add-profiles-response.json"))));
    for (int refused : new int[] {50, 100}) {
      wireMock.stubFor(
          post(urlEqualTo(path))
              .withRequestBody(matchingJsonPath("$[0]", equalTo(ids.get(refused).toString())))
              .willReturn(
                  aResponse()
                      .withStatus(409)
                      .withHeader("Content-Type", "application/json")
                      .withBody(json("conflict-409-profile.json"))));
    }

    ChunkedResult<ShopperProfile> result =
        client.segments().shopperProfiles(SEGMENT_A).add(ids).execute();

    ConflictException first = assertThrows(ConflictException.class, result::orThrow);
    ConflictException again = assertThrows(ConflictException.class, result::orThrow);
    assertThat(again).isSameAs(first);
    assertThat(first.getSuppressed()).singleElement().isSameAs(result.failed().get(1).failure());
  }

  static List<UUID> profileIds(int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(Ids.parse(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i)));
    }
    return ids;
  }
}
