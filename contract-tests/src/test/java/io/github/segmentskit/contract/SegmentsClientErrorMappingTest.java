package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.TOKEN;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RateLimitHeaders;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.BadRequestException;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.ForbiddenException;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.client.exception.PayloadTooLargeException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.client.exception.UnprocessableEntityException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Error responses, BigCommerce-shaped and odd, become the right typed exception. */
class SegmentsClientErrorMappingTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private SegmentsClient client;

  /** Set by tests whose responses are deliberately not what the spec allows. */
  private boolean deliberatelyOffSpec;

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
    if (!deliberatelyOffSpec) {
      SpecValidation.assertAllInteractionsMatchSpec(wireMock);
    }
  }

  static Stream<Arguments> bigCommerceErrors() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class, "Input is invalid"),
        Arguments.of(401, UnauthorizedException.class, "Unauthorized"),
        Arguments.of(403, ForbiddenException.class, "You don't have a required scope"),
        Arguments.of(404, NotFoundException.class, "Segment not found"),
        Arguments.of(413, PayloadTooLargeException.class, "Request entity too large"),
        Arguments.of(422, UnprocessableEntityException.class, "JSON data is missing or invalid"),
        Arguments.of(429, RateLimitedException.class, "Too many requests"),
        Arguments.of(500, ServerErrorException.class, "Internal server error"),
        Arguments.of(503, ServerErrorException.class, "Service unavailable"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("bigCommerceErrors")
  void mapsBigCommerceErrorBodyToTypedException(
      int status, Class<? extends SegmentsApiException> type, String title) {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Rate-Limit-Requests-Left", "0")
                    .withBody(json("error-" + status + ".json"))));

    SegmentsApiException e = assertThrows(type, this::createOne);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.title()).hasValueSatisfying(t -> assertThat(t).startsWith(title));
    assertThat(e.type())
        .hasValue("https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes");
    assertThat(e.operationId()).isEqualTo("SegmentsPostRequest");
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo("/segments");
    assertThat(e.rawBody()).isEqualTo(json("error-" + status + ".json"));
    assertThat(RateLimitHeaders.from(e.headers()).requestsLeft()).hasValue(0);
    assertThat(e.getMessage()).startsWith("POST /segments -> " + status + " ").contains(title);
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void mapsBadRequestFieldErrorsAndInstance() {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(jsonError(400, json("error-400.json"))));

    BadRequestException e = assertThrows(BadRequestException.class, this::createOne);

    assertThat(e.errors()).containsEntry("0.id", "must be a valid UUID");
    assertThat(e.instance()).hasValue("req-7f3a");
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /segments -> 400 Bad Request: Input is invalid; 0.id: must be a valid UUID");
  }

  @Test
  void messageReadsAsMethodPathStatusTitleAndFieldErrors() {
    wireMock.stubFor(
        put(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(jsonError(422, json("error-422.json"))));

    UnprocessableEntityException e =
        assertThrows(
            UnprocessableEntityException.class,
            () -> client.segments().update(SegmentsClientRequestShapeTest.updateBoth()).execute());

    assertThat(e.getMessage())
        .isEqualTo(
            "PUT /segments -> 422 Unprocessable Entity: JSON data is missing or invalid;"
                + " id[2]: must be a UUID");
    assertThat(e.operationId()).isEqualTo("PutSegmentObjects");
  }

  @Test
  void mapsConflictBodyToConflictException() {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(jsonError(409, json("conflict-409.json"))));

    ConflictException e = assertThrows(ConflictException.class, this::createOne);

    assertThat(e.status()).isEqualTo(409);
    assertThat(e.itemErrors())
        .singleElement()
        .satisfies(
            item ->
                assertThat(item.getTitle())
                    .isEqualTo("Cannot have multiple segments with the same name."));
    assertThat(e.createdSegments())
        .extracting(Segment::getName)
        .containsExactly("Wholesale buyers");
    assertThat(e.addedShopperProfiles()).isEmpty();
    assertThat(e.total()).hasValue(2);
    assertThat(e.succeeded()).hasValue(1);
    assertThat(e.failed()).hasValue(1);
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /segments -> 409 Conflict: Cannot have multiple segments with the same name.");
  }

  @Test
  void mapsRateLimitedWithItsResetDuration() {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(
                jsonError(429, json("error-429.json"))
                    .withHeader("X-Rate-Limit-Time-Reset-Ms", "4500")
                    .withHeader("X-Rate-Limit-Time-Window-Ms", "30000")
                    .withHeader("X-Rate-Limit-Requests-Quota", "150")
                    .withHeader("X-Rate-Limit-Requests-Left", "0")));

    RateLimitedException e = assertThrows(RateLimitedException.class, this::createOne);

    assertThat(e.resetAfter()).hasValue(Duration.ofMillis(4500));
    assertThat(RateLimitHeaders.from(e.headers()).requestsQuota()).hasValue(150);
    assertThat(RateLimitHeaders.from(e.headers()).timeWindowMs()).hasValue(30000);
  }

  static Stream<Arguments> oddBodies() {
    String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    return Stream.of(
        Arguments.of(400, "", BadRequestException.class),
        Arguments.of(401, "[]", UnauthorizedException.class),
        Arguments.of(403, "\"forbidden\"", ForbiddenException.class),
        Arguments.of(404, html, NotFoundException.class),
        Arguments.of(409, "{\"errors\": [", ConflictException.class),
        Arguments.of(409, "{\"errors\": \"nope\", \"meta\": 3}", ConflictException.class),
        Arguments.of(413, html, PayloadTooLargeException.class),
        Arguments.of(
            422, "{\"title\": 42, \"errors\": [\"x\"]}", UnprocessableEntityException.class),
        Arguments.of(429, "", RateLimitedException.class),
        Arguments.of(500, "{\"status\": 500, \"tit", ServerErrorException.class),
        Arguments.of(502, html, ServerErrorException.class),
        Arguments.of(504, "", ServerErrorException.class),
        Arguments.of(405, "Method Not Allowed", SegmentsApiException.class),
        Arguments.of(418, "{}", SegmentsApiException.class),
        Arguments.of(423, "[]", SegmentsApiException.class));
  }

  @ParameterizedTest(name = "{0} with body [{1}] -> {2}")
  @MethodSource("oddBodies")
  void oddBodiesStillYieldTheRightTypeWithTheRawText(
      int status, String body, Class<? extends SegmentsApiException> type) {
    deliberatelyOffSpec = true;
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(aResponse().withStatus(status).withBody(body)));

    SegmentsApiException e = assertThrows(SegmentsApiException.class, this::createOne);

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.getMessage()).startsWith("POST /segments -> " + status);
  }

  @Test
  void htmlBodyIsQuotedInTheMessageOnOneLine() {
    deliberatelyOffSpec = true;
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(
                aResponse().withStatus(502).withBody("<html>\n<h1>Bad gateway</h1>\n</html>")));

    ServerErrorException e = assertThrows(ServerErrorException.class, this::createOne);

    assertThat(e.getMessage())
        .isEqualTo("POST /segments -> 502 Bad Gateway: body: <html> <h1>Bad gateway</h1> </html>");
  }

  @Test
  void tokenEchoedInAnErrorBodyIsRedacted() {
    deliberatelyOffSpec = true;
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .willReturn(aResponse().withStatus(401).withBody("bad token " + TOKEN)));

    UnauthorizedException e = assertThrows(UnauthorizedException.class, this::createOne);

    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("[redacted]");
    assertThat(e.rawBody()).doesNotContain(TOKEN);
  }

  @Test
  void malformedIdInResponseIsASegmentsResponseException() {
    deliberatelyOffSpec = true;
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(okJson(json("segments-page-malformed-id.json"))));

    SegmentsResponseException e =
        assertThrows(
            SegmentsResponseException.class,
            () -> client.segments().list(PageParams.first()).execute());

    assertThat(e.getMessage())
        .isEqualTo(
            "GET /segments -> 200 OK but the body could not be read: data[1].id \"not-a-uuid\" is"
                + " not a canonical UUID");
  }

  @Test
  void nonJsonSuccessBodyIsASegmentsResponseException() {
    deliberatelyOffSpec = true;
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

    SegmentsResponseException e =
        assertThrows(
            SegmentsResponseException.class,
            () -> client.segments().list(PageParams.first()).execute());

    assertThat(e.getMessage())
        .isEqualTo("GET /segments -> 200 OK but the media type is missing, not JSON");
  }

  private List<?> createOne() {
    return client.segments().create(List.of(new SegmentPost().name("Wholesale buyers"))).execute();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonError(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
