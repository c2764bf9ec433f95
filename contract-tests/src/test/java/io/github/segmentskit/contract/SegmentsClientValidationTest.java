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
import io.github.segmentskit.client.ConflictException;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.SegmentsValidationException;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
  void rejectsNonCanonicalUuidBeforeSending() {
    SegmentsValidationException e =
        assertThrows(
            SegmentsValidationException.class,
            () -> client.deleteSegments(Arrays.asList(SEGMENT_A, "abc", SEGMENT_A, "1-1-1-1-1")));

    assertThat(e.getMessage())
        .isEqualTo(
            "ids[1] \"abc\" is not a canonical UUID; ids[3] \"1-1-1-1-1\" is not a canonical UUID");
    assertThat(e.problems()).hasSize(2);
    assertNothingSent();
  }

  @Test
  void rejectsNonCanonicalPathIdBeforeSending() {
    assertThrows(
        SegmentsValidationException.class,
        () -> client.listSegmentShopperProfiles("1-1-1-1-1", 1, 50));
    assertThrows(
        SegmentsValidationException.class,
        () -> client.addShopperProfilesToSegment(SEGMENT_A, List.of(PROFILE_A, "x")));
    assertThrows(
        SegmentsValidationException.class, () -> client.listSegments(1, 50, List.of("nope")));
    assertNothingSent();
  }

  @Test
  void safeDeletesRefuseEmptyOrNullIdListsAndSendNothing() {
    assertThat(
            assertThrows(SegmentsValidationException.class, () -> client.deleteSegments(List.of())))
        .hasMessageContaining("would delete everything")
        .hasMessageContaining("deleteAllSegments()");
    assertThat(
            assertThrows(
                SegmentsValidationException.class,
                () -> client.removeShopperProfilesFromSegment(SEGMENT_A, List.of())))
        .hasMessageContaining("removeAllShopperProfilesFromSegment(segmentId)");
    assertThat(
            assertThrows(
                SegmentsValidationException.class, () -> client.deleteShopperProfiles(null)))
        .hasMessageContaining("deleteAllShopperProfiles()");
    assertThrows(SegmentsValidationException.class, () -> client.deleteSegmentsAsync(List.of()));
    assertNothingSent();
  }

  @Test
  void rejectsEmptyListsAndInvalidItemsBeforeSending() {
    assertThrows(SegmentsValidationException.class, () -> client.createSegments(List.of()));
    SegmentsValidationException e =
        assertThrows(
            SegmentsValidationException.class,
            () ->
                client.createSegments(
                    Arrays.asList(new SegmentPost().name("ok"), new SegmentPost(), null)));
    assertThat(e.problems())
        .containsExactly("segments[1].name is missing or empty", "segments[2] is null");
    assertThrows(SegmentsValidationException.class, () -> client.updateSegments(List.of()));
    assertThrows(
        SegmentsValidationException.class,
        () -> client.addShopperProfilesToSegment(SEGMENT_A, List.of()));
    assertThrows(SegmentsValidationException.class, () -> client.listSegments(0, 50));
    assertNothingSent();
  }

  @Test
  void splitsAddsIntoChunksOfFiftyAndReportsEachChunk() {
    List<String> ids = profileIds(120);
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
            .withRequestBody(matchingJsonPath("$[0]", equalTo(ids.get(50))))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("conflict-409.json"))));

    ChunkedResult<ShopperProfile> result = client.addShopperProfilesToSegment(SEGMENT_A, ids);

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
              assertThat(chunk.failure()).isInstanceOf(ConflictException.class);
            });
    assertThat(result.failedIds()).extracting(Object::toString).isEqualTo(ids.subList(50, 100));
    assertThrows(ConflictException.class, result::orThrow);
  }

  @Test
  void orThrowThrowsTheFirstFailedChunkWithEveryOtherFailureSuppressedOnce() {
    List<String> ids = profileIds(120);
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
              .withRequestBody(matchingJsonPath("$[0]", equalTo(ids.get(refused))))
              .willReturn(
                  aResponse()
                      .withStatus(409)
                      .withHeader("Content-Type", "application/json")
                      .withBody(json("conflict-409.json"))));
    }

    ChunkedResult<ShopperProfile> result = client.addShopperProfilesToSegment(SEGMENT_A, ids);

    ConflictException first = assertThrows(ConflictException.class, result::orThrow);
    ConflictException again = assertThrows(ConflictException.class, result::orThrow);
    assertThat(again).isSameAs(first);
    assertThat(first.getSuppressed()).singleElement().isSameAs(result.failed().get(1).failure());
  }

  private static List<String> profileIds(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i));
    }
    return ids;
  }
}
