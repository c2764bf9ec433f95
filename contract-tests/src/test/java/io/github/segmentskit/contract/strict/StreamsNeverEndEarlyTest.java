package io.github.segmentskit.contract.strict;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.InconsistentPaginationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15, "streams never end early": a collection of 5 items in pages of 2. When a page is empty
 * or short while its pagination says more pages follow, every paged stream (the filtered one too)
 * fails with {@link InconsistentPaginationException} instead of ending with the items so far; a job
 * that trusted a short stream could decide items are gone. A control shows the honest collection,
 * whose last page is short, streamed whole.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamsNeverEndEarlyTest {
  private static final String BASE = "/stores/streamstore/v3";
  private static final int TOTAL = 5;
  private static final int PER_PAGE = 2;
  private static final int PAGES = 3;
  private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  /** Each paged stream of the client. */
  enum PagedStream {
    SEGMENTS(client -> client.segments().stream(PER_PAGE)),
    FILTERED_SEGMENTS(client -> client.segments().stream(PER_PAGE, List.of(ID))),
    SEGMENT_SHOPPER_PROFILES(client -> client.segments().shopperProfiles(ID).stream(PER_PAGE)),
    SHOPPER_PROFILES(client -> client.shopperProfiles().stream(PER_PAGE)),
    SHOPPER_PROFILE_SEGMENTS(client -> client.shopperProfiles().segments(ID).stream(PER_PAGE));

    final Function<SegmentsClient, Stream<?>> open;

    PagedStream(Function<SegmentsClient, Stream<?>> open) {
      this.open = open;
    }
  }

  /** A page that ends a stream early: which page, and how many items it holds. */
  enum EarlyEnd {
    FIRST_PAGE_EMPTY(1, 0),
    FIRST_PAGE_SHORT(1, 1),
    MIDDLE_PAGE_EMPTY(2, 0),
    MIDDLE_PAGE_SHORT(2, 1);

    final int page;
    final int items;

    EarlyEnd(int page, int items) {
      this.page = page;
      this.items = items;
    }
  }

  static Stream<Arguments> streamsAndEarlyEnds() {
    return Stream.of(PagedStream.values())
        .flatMap(stream -> Stream.of(EarlyEnd.values()).map(end -> Arguments.of(stream, end)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("streamsAndEarlyEnds")
  void anEmptyOrShortPageWhileMorePagesFollowIsAnError(PagedStream stream, EarlyEnd end) {
    wm.resetAll();
    for (int page = 1; page <= PAGES; page++) {
      int items = page == end.page ? end.items : Math.min(PER_PAGE, TOTAL - (page - 1) * PER_PAGE);
      servePage(page, items);
    }

    Throwable failure;
    try (SegmentsClient client = client()) {
      failure = catchThrowable(() -> stream.open.apply(client).toList());
    }

    assertThat(failure).isInstanceOf(InconsistentPaginationException.class);
    assertThat(failure.getMessage())
        .contains("page " + end.page + " of " + PAGES + " holds " + end.items + " items");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(end.page);
  }

  @ParameterizedTest
  @EnumSource(PagedStream.class)
  void anHonestCollectionWithAShortLastPageIsStreamedWhole(PagedStream stream) {
    wm.resetAll();
    for (int page = 1; page <= PAGES; page++) {
      servePage(page, Math.min(PER_PAGE, TOTAL - (page - 1) * PER_PAGE));
    }

    List<?> items;
    try (SegmentsClient client = client()) {
      items = stream.open.apply(client).toList();
    }

    assertThat(items).hasSize(TOTAL);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(PAGES);
  }

  private static void servePage(int page, int items) {
    List<String> data = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      data.add("{\"id\":\"" + new UUID(page, i) + "\"}");
    }
    String body =
        "{\"data\":["
            + String.join(",", data)
            + "],\"meta\":{\"pagination\":{\"total\":"
            + TOTAL
            + ",\"count\":"
            + items
            + ",\"per_page\":"
            + PER_PAGE
            + ",\"current_page\":"
            + page
            + ",\"total_pages\":"
            + PAGES
            + "}}}";
    wm.stubFor(
        get(urlPathMatching(BASE + "/.*"))
            .withQueryParam("page", equalTo(String.valueOf(page)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static SegmentsClient client() {
    return SegmentsClient.builder()
        .storeHash("streamstore")
        .accessToken("stream-test-token")
        .baseUri(URI.create(wm.baseUrl() + BASE))
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .build();
  }
}
