package io.github.segmentskit.contract.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.InconsistentPaginationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10.4: a server whose pagination lies (WireMock, templated on the page asked for). Every
 * paged stream, the filtered one too, ends with {@link InconsistentPaginationException}, and the
 * server sees no more requests than the first page's {@code total_pages} plus the documented
 * tolerance of 10:
 *
 * <ul>
 *   <li>always {@code current_page: 1} with {@code total_pages: 1000000}: the second page is
 *       refused, 2 requests;
 *   <li>{@code total_pages} always one ahead of the page asked for: 2 + 10 = 12 requests.
 * </ul>
 */
class LyingPaginationTest {
  private static final String STORE = "lyingstore";
  private static final String BASE = "/stores/" + STORE + "/v3";
  private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final int TOLERANCE = 10;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  /** How the server lies, and how many requests a stream may then send. */
  enum Lie {
    ALWAYS_PAGE_ONE_OF_A_MILLION("1", "1000000", "1000000", 2),
    TOTAL_PAGES_ONE_AHEAD(
        "{{request.query.page}}",
        "{{math request.query.page '+' 1}}",
        "{{math request.query.page '+' 1}}",
        2 + TOLERANCE);

    final String currentPage;
    final String totalPages;
    final String total;
    final int requests;

    Lie(String currentPage, String totalPages, String total, int requests) {
      this.currentPage = currentPage;
      this.totalPages = totalPages;
      this.total = total;
      this.requests = requests;
    }

    String page() {
      return "{\"data\":[{\"id\":\""
          + ID
          + "\"}],\"meta\":{\"pagination\":{\"total\":"
          + total
          + ",\"count\":1,\"per_page\":1,\"current_page\":"
          + currentPage
          + ",\"total_pages\":"
          + totalPages
          + " } } }"; // spaces: Handlebars reads "}}}" right after a tag as part of it
    }
  }

  static Stream<Arguments> liesAndStreams() {
    Function<SegmentsClient, Stream<?>> segments = client -> client.segments().stream(1);
    Function<SegmentsClient, Stream<?>> filtered =
        client -> client.segments().stream(1, List.of(ID));
    Function<SegmentsClient, Stream<?>> segmentProfiles =
        client -> client.segments().shopperProfiles(ID).stream(1);
    Function<SegmentsClient, Stream<?>> profiles = client -> client.shopperProfiles().stream(1);
    Function<SegmentsClient, Stream<?>> profileSegments =
        client -> client.shopperProfiles().segments(ID).stream(1);
    return Stream.of(Lie.values())
        .flatMap(
            lie ->
                Stream.of(
                    Arguments.of(lie, "segments().stream", segments),
                    Arguments.of(lie, "segments().stream(ids)", filtered),
                    Arguments.of(lie, "segments().shopperProfiles(id).stream", segmentProfiles),
                    Arguments.of(lie, "shopperProfiles().stream", profiles),
                    Arguments.of(lie, "shopperProfiles().segments(id).stream", profileSegments)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("liesAndStreams")
  void aStreamOverLyingPagesEndsWithAnExceptionAfterBoundedRequests(
      Lie lie, String stream, Function<SegmentsClient, Stream<?>> open) {
    wm.resetAll();
    wm.stubFor(
        get(urlPathMatching(BASE + "/.*"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(lie.page())
                    .withTransformers("response-template")));

    Throwable failure;
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken("lying-test-token")
            .baseUri(URI.create(wm.baseUrl() + BASE))
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .build()) {
      failure =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20), () -> catchThrowable(() -> open.apply(client).toList()));
    }

    assertThat(failure).isInstanceOf(InconsistentPaginationException.class);
    assertThat(failure.getMessage()).startsWith("GET /").contains("pagination");
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .as("requests of %s", stream)
        .hasSize(lie.requests);
  }
}
