package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.generated.model.SegmentPost;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 429s, gateway errors, faults and timeouts: what is retried, how long it waits, what is thrown.
 */
class SegmentsClientRetryTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final RetryPolicy policy =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(200))
          .jitter(() -> 1.0)
          .build();

  /** Set by tests whose responses are deliberately not what the spec allows. */
  private boolean deliberatelyOffSpec;

  private final ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
  private SegmentsClient client;

  private SegmentsClient client() {
    client = builder().build();
    return client;
  }

  private SegmentsClient.Builder builder() {
    return TestClients.builder(wireMock, sleeper).retryPolicy(policy).limiterRegistry(registry);
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      assertThat(registry.permitsInUse(Fixtures.STORE)).as("every permit came back").isZero();
      client.close();
    }
    if (!deliberatelyOffSpec) {
      SpecValidation.assertAllInteractionsMatchSpec(wireMock);
    }
  }

  @Test
  void retries429AfterExactlyTheResetHeaderThenSucceeds() {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("rate limited")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Rate-Limit-Time-Reset-Ms", "123")
                    .withHeader("X-Rate-Limit-Requests-Left", "0")
                    .withBody(json("error-429.json")))
            .willSetStateTo("window reset"));
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("rate limited")
            .whenScenarioStateIs("window reset")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("create-segments-response.json"))));

    assertThat(
            client()
                .segments()
                .create(List.of(new SegmentPost().name("Wholesale buyers")))
                .execute())
        .hasSize(2);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(123));
    wireMock.verify(2, postRequestedFor(urlEqualTo(BASE_PATH + "/segments")));
  }

  @Test
  void backsOffExponentiallyOn429WithoutHeadersAndGivesUpAfterMaxAttempts() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("error-429.json"))));

    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> listFirstPage(client()));

    assertThat(e.resetAfter()).isEmpty();
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(ServeEvents.awaitCount(wireMock, 3)).hasSize(3);
  }

  @Test
  void retries503ThenSucceedsForPut() {
    wireMock.stubFor(
        put(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("unavailable")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("error-503.json")))
            .willSetStateTo("available"));
    wireMock.stubFor(
        put(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("unavailable")
            .whenScenarioStateIs("available")
            .willReturn(okJson(json("update-segments-response.json"))));

    assertThat(client().segments().update(SegmentsClientRequestShapeTest.updateBoth()).execute())
        .hasSize(2);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(200));
    wireMock.verify(2, putRequestedFor(urlEqualTo(BASE_PATH + "/segments")));
  }

  @Test
  void doesNotRetry503ForPost() {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("unavailable")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("error-503.json")))
            .willSetStateTo("available"));
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("unavailable")
            .whenScenarioStateIs("available")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("create-segments-response.json"))));

    assertThrows(
        ServerErrorException.class,
        () ->
            client()
                .segments()
                .create(List.of(new SegmentPost().name("Wholesale buyers")))
                .execute());

    assertThat(sleeper.waits()).isEmpty();
    assertThat(ServeEvents.awaitCount(wireMock, 1)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void faultsBecomeSegmentsConnectionExceptionAfterRetriesForGet(Fault fault) {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments")).willReturn(aResponse().withFault(fault)));

    SegmentsConnectionException e =
        assertThrows(SegmentsConnectionException.class, () -> listFirstPage(client()));

    assertThat(e).isNotInstanceOf(SegmentsTimeoutException.class);
    assertThat(e.getMessage()).startsWith("GET /segments -> connection failed");
    assertThat(sleeper.waits()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void faultsAreNotRetriedForPost(Fault fault) {
    wireMock.stubFor(
        post(urlEqualTo(BASE_PATH + "/segments")).willReturn(aResponse().withFault(fault)));

    assertThrows(
        SegmentsConnectionException.class,
        () ->
            client()
                .segments()
                .create(List.of(new SegmentPost().name("Wholesale buyers")))
                .execute());

    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void malformedChunkIsAConnectionFailureOrATimeoutNeverAHang() {
    deliberatelyOffSpec = true;
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    client = builder().requestTimeout(Duration.ofMillis(300)).build();

    SegmentsConnectionException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(SegmentsConnectionException.class, () -> listFirstPage(client)));

    // The JDK client either sees the broken chunk at once (a connection failure, retried as the
    // GET is idempotent) or waits for more bytes that never come: then the request's deadline
    // turns the stall into a timeout instead of a hang.
    assertThat(e.getMessage())
        .matches(
            "GET /segments -> (connection failed: .*|no complete response within the request"
                + " timeout of 300 ms)");
  }

  @Test
  void delayPastTheRequestTimeoutIsASegmentsTimeoutExceptionAndNotRetried() {
    deliberatelyOffSpec = false;
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(okJson(json("segments-page.json")).withFixedDelay(1_500)));
    client = builder().requestTimeout(Duration.ofMillis(200)).build();

    SegmentsTimeoutException e =
        assertThrows(SegmentsTimeoutException.class, () -> listFirstPage(client));

    assertThat(e.getMessage())
        .isIn(
            "GET /segments -> no response headers within the request timeout",
            "GET /segments -> no complete response within the request timeout of 200 ms");
    assertThat(sleeper.waits()).isEmpty();
    assertThat(registry.currentLimit(Fixtures.STORE)).isEqualTo(10);
    // Let WireMock finish the delayed response before the spec check reads the log.
    ServeEvents.awaitCount(wireMock, 1);
  }

  private static Object listFirstPage(SegmentsClient client) {
    return client.segments().list(PageParams.first()).execute();
  }
}
