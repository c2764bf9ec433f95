package io.github.segmentskit.contract.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10.8: 10,000 ids in one {@code id:in} list (deletes, removals, a filtered list) go out in
 * several requests, none with a request target longer than 8192 characters (8 KiB), every id sent
 * exactly once; the {@link ChunkedResult} names each id as succeeded, in input order. It holds with
 * a long base path too. One page of a filtered list that cannot fit in one request is refused
 * before anything is sent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongIdListsTest {
  private static final int IDS = 10_000;
  private static final int MAX_TARGET = 8192;
  private static final String STORE = "longids";
  private static final String BASE = "/stores/" + STORE + "/v3";
  private static final String LONG_BASE = BASE + "/" + "p".repeat(1_000);
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final List<UUID> MANY = ids(20_261_201L);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  @BeforeEach
  void answerEverything() {
    wm.resetAll();
    wm.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        get(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,"
                            + "\"per_page\":250,\"current_page\":1,\"total_pages\":0}}}")));
  }

  static Stream<Arguments> deletes() {
    Function<SegmentsClient, ChunkedResult<UUID>> segments =
        client -> client.segments().delete(MANY).execute();
    Function<SegmentsClient, ChunkedResult<UUID>> segmentsAsync =
        client -> client.segments().delete(MANY).executeAsync().join();
    Function<SegmentsClient, ChunkedResult<UUID>> profiles =
        client -> client.shopperProfiles().delete(MANY).execute();
    Function<SegmentsClient, ChunkedResult<UUID>> removals =
        client -> client.segments().shopperProfiles(SEGMENT).remove(MANY).execute();
    return Stream.of(BASE, LONG_BASE)
        .flatMap(
            base ->
                Stream.of(
                    Arguments.of("segments().delete", base, segments),
                    Arguments.of("segments().delete async", base, segmentsAsync),
                    Arguments.of("shopperProfiles().delete", base, profiles),
                    Arguments.of("segments().shopperProfiles(id).remove", base, removals)));
  }

  @ParameterizedTest(name = "{0}, base path of {1}")
  @MethodSource("deletes")
  void tenThousandIdsGoOutInShortRequestsEachExactlyOnce(
      String operation, String base, Function<SegmentsClient, ChunkedResult<UUID>> call) {
    ChunkedResult<UUID> result;
    try (SegmentsClient client = client(base)) {
      result = call.apply(client);
    }

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.items()).as("the ids the result says were deleted").isEqualTo(MANY);
    assertThat(result.chunks()).hasSizeGreaterThan(1);
    assertRequestsCarryEveryIdOnce(result.chunks().size());
  }

  @Test
  void aFilteredStreamOfTenThousandIdsSendsEachIdOnceInShortRequests() {
    List<Object> segments;
    try (SegmentsClient client = client(BASE)) {
      segments = List.copyOf(client.segments().stream(250, MANY).toList());
    }

    assertThat(segments).isEmpty();
    assertRequestsCarryEveryIdOnce(-1);
  }

  @Test
  void onePageOfAFilterTooLongForOneRequestIsRefusedBeforeSending() {
    try (SegmentsClient client = client(BASE)) {
      assertThatThrownBy(() -> client.segments().list(PageParams.first(), MANY))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("stream(pageSize, ids)");
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  /** Several requests, each target at most 8192 characters, together every id exactly once. */
  private static void assertRequestsCarryEveryIdOnce(int expectedRequests) {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSizeGreaterThan(1);
    if (expectedRequests > 0) {
      assertThat(requests).hasSize(expectedRequests);
    }
    List<UUID> sent = new ArrayList<>();
    for (LoggedRequest request : requests) {
      String target = request.getUrl();
      assertThat(target.length()).as("length of a request target").isLessThanOrEqualTo(MAX_TARGET);
      String idIn = target.substring(target.indexOf("id:in=") + "id:in=".length());
      int end = idIn.indexOf('&');
      for (String id : (end < 0 ? idIn : idIn.substring(0, end)).split(",")) {
        sent.add(UUID.fromString(id));
      }
    }
    sent.sort(null);
    List<UUID> expected = new ArrayList<>(MANY);
    expected.sort(null);
    assertThat(sent).as("every id, each exactly once").isEqualTo(expected);
  }

  private static SegmentsClient client(String base) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken("long-ids-token")
        .baseUri(URI.create(wm.baseUrl() + base))
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .build();
  }

  private static List<UUID> ids(long seed) {
    Random random = new Random(seed);
    return IntStream.range(0, IDS)
        .mapToObj(i -> new UUID(random.nextLong(), random.nextLong()))
        .toList();
  }
}
