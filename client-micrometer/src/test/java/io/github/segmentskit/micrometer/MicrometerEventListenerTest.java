package io.github.segmentskit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's calls, against the simulator, as meters in a SimpleMeterRegistry. */
class MicrometerEventListenerTest {
  private static final String STORE = "metrics";
  private static final String TOKEN = "metrics-token";

  private SegmentsSimulator simulator;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    simulator =
        SegmentsSimulator.builder()
            .port(0)
            .modifyTokens(TOKEN)
            .rateLimit(1_000_000, Duration.ofSeconds(30))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    simulator.close();
    registry.close();
  }

  private SegmentsClient client(MicrometerEventListener listener, RetryPolicy policy) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken(TOKEN)
        .baseUri(simulator.baseUri(STORE))
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .retryPolicy(policy)
        .eventListener(listener)
        .build();
  }

  @Test
  void recordsCallsByOperationAndOutcomeWithLatencyPermitWaitAndAttempts() {
    UUID segment = simulator.store(STORE).createSegment("Gold", "");
    try (SegmentsClient client =
        client(MicrometerEventListener.bindTo(registry), RetryPolicy.none())) {
      client.segments().list(PageParams.first()).execute();
      client.segments().list(PageParams.first()).execute();
      client.segments().update(List.of(new SegmentPut().id(segment).description("x"))).execute();
      assertThatThrownBy(
              () ->
                  client
                      .segments()
                      .update(List.of(new SegmentPut().id(UUID.randomUUID()).name("gone")))
                      .execute())
          .isInstanceOf(NotFoundException.class);
    }

    Timer lists =
        registry
            .get("segments.client.calls")
            .tags("operation", "GetPaginatedSegmentsList", "outcome", "success")
            .timer();
    assertThat(lists.count()).isEqualTo(2);
    assertThat(lists.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(
            registry
                .get("segments.client.calls")
                .tags("operation", "PutSegmentObjects", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("segments.client.calls")
                .tags("operation", "PutSegmentObjects", "outcome", "NotFoundException")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry.get("segments.client.permit.wait").timers().stream()
                .mapToLong(Timer::count)
                .sum())
        .isEqualTo(4);
    assertThat(
            registry
                .get("segments.client.attempts")
                .tags("operation", "PutSegmentObjects", "status", "404")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.find("segments.client.retries").counters()).isEmpty();
    assertThat(registry.getMeters())
        .allSatisfy(
            meter ->
                assertThat(meter.getId().getTags()).noneMatch(tag -> tag.getKey().equals("store")));
  }

  @Test
  void countsRetriesAnd429sOfARateLimitedStore() {
    simulator.store(STORE).rateLimitFor(Duration.ofSeconds(5));
    RetryPolicy twoTries =
        RetryPolicy.builder().maxAttempts(2).maxRateLimitWait(Duration.ofMillis(50)).build();
    try (SegmentsClient client = client(MicrometerEventListener.bindTo(registry), twoTries)) {
      assertThatThrownBy(() -> client.segments().list(PageParams.first()).execute())
          .isInstanceOf(RateLimitedException.class);
    }

    assertThat(
            registry
                .get("segments.client.rate.limited")
                .tags("operation", "GetPaginatedSegmentsList")
                .counter()
                .count())
        .as("the reset (about 5 s) is past maxRateLimitWait: given up after one 429")
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("segments.client.calls")
                .tags("outcome", "RateLimitedException")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void countsEachRetryTheRetryPolicyDecides() {
    // Two 429s with a short reset, then the page: a scenario, so nothing depends on timing.
    WireMockServer server =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    try {
      String path = "/stores/" + STORE + "/v3/segments";
      server.stubFor(
          WireMock.get(WireMock.urlPathEqualTo(path))
              .inScenario("limited")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(tooManyRequests())
              .willSetStateTo("once"));
      server.stubFor(
          WireMock.get(WireMock.urlPathEqualTo(path))
              .inScenario("limited")
              .whenScenarioStateIs("once")
              .willReturn(tooManyRequests())
              .willSetStateTo("open"));
      server.stubFor(
          WireMock.get(WireMock.urlPathEqualTo(path))
              .inScenario("limited")
              .whenScenarioStateIs("open")
              .willReturn(
                  WireMock.okJson(
                      "{\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,"
                          + "\"per_page\":50,\"current_page\":1,\"total_pages\":0}}}")));
      try (SegmentsClient client =
          SegmentsClient.builder()
              .storeHash(STORE)
              .accessToken(TOKEN)
              .baseUri(URI.create(server.baseUrl() + "/stores/" + STORE + "/v3"))
              .limiterRegistry(ConcurrencyLimiterRegistry.create())
              .eventListener(MicrometerEventListener.bindTo(registry))
              .build()) {
        client.segments().list(PageParams.first()).execute();
      }
    } finally {
      server.stop();
    }

    assertThat(
            registry
                .get("segments.client.retries")
                .tags("operation", "GetPaginatedSegmentsList")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(
            registry
                .get("segments.client.rate.limited")
                .tags("operation", "GetPaginatedSegmentsList")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(
            registry
                .get("segments.client.attempts")
                .tags("operation", "GetPaginatedSegmentsList", "status", "200")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get("segments.client.calls")
                .tags("operation", "GetPaginatedSegmentsList", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
  }

  private static ResponseDefinitionBuilder tooManyRequests() {
    return WireMock.aResponse()
        .withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Rate-Limit-Time-Reset-Ms", "10")
        .withBody("{\"status\":429,\"title\":\"Too many requests\"}");
  }

  @Test
  void aStoreTagAndCommonTagsAndAPrefixWhenAskedFor() {
    MicrometerEventListener listener =
        MicrometerEventListener.builder(registry)
            .prefix("bigcommerce.segments")
            .storeTag(true)
            .commonTags(Tags.of("app", "loyalty"))
            .build();
    try (SegmentsClient client = client(listener, RetryPolicy.none())) {
      client.shopperProfiles().list(PageParams.first()).execute();
    }

    Meter meter =
        registry
            .get("bigcommerce.segments.calls")
            .tags("operation", "GetShopperList", "store", STORE, "app", "loyalty")
            .meter();
    assertThat(meter).isNotNull();
    assertThat(registry.find("segments.client.calls").meters()).isEmpty();
    assertThatThrownBy(() -> MicrometerEventListener.builder(registry).prefix("x."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
