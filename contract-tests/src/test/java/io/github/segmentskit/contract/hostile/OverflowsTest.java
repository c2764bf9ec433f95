package io.github.segmentskit.contract.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.generated.model.SegmentPut;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10.6: numbers a server or a caller makes absurd never overflow. A 429 whose reset is past
 * the retry policy's {@code maxRateLimitWait} (up to {@code Long.MAX_VALUE} of seconds or
 * milliseconds) fails at once with {@link RateLimitedException}, one request, no wait, and pauses
 * nothing; a 200 that says the quota is used up with such a reset pauses nothing either. Every
 * duration a builder takes is refused past its cap (one hour) with a message that names it, and a
 * client built with every duration at its cap works.
 */
class OverflowsTest {
  private static final String STORE = "overflowstore";
  private static final String BASE = "/stores/" + STORE + "/v3";
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final String MAX_LONG = String.valueOf(Long.MAX_VALUE);
  private static final String PAGE =
      "{\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,\"per_page\":50,"
          + "\"current_page\":1,\"total_pages\":0}}}";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  static Stream<Arguments> absurdResets() {
    return Stream.of(
        Arguments.of("X-Retry-After", MAX_LONG, Duration.ofSeconds(Long.MAX_VALUE)),
        Arguments.of(
            "X-Retry-After", "3000000000000000000", Duration.ofSeconds(3_000_000_000_000_000_000L)),
        Arguments.of("X-Rate-Limit-Time-Reset-Ms", MAX_LONG, Duration.ofMillis(Long.MAX_VALUE)),
        Arguments.of("X-Rate-Limit-Time-Reset-Ms", "60001", Duration.ofMillis(60_001)));
  }

  @ParameterizedTest(name = "429 with {0}: {1}")
  @MethodSource("absurdResets")
  void aRateLimitResetPastTheCapFailsAtOnceAndPausesNothing(
      String header, String value, Duration reset) {
    wm.resetAll();
    wm.stubFor(
        put(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader(header, value)
                    .withHeader("X-Rate-Limit-Requests-Left", "0")
                    .withBody("{\"status\":429,\"title\":\"Too many requests\"}")));
    wm.stubFor(get(urlPathEqualTo(BASE + "/segments")).willReturn(okPage()));
    List<Duration> waits = new CopyOnWriteArrayList<>();

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try (SegmentsClient client = client(waits::add, Duration.ZERO)) {
            long start = System.nanoTime();
            Throwable failure =
                catchThrowable(
                    () ->
                        client
                            .segments()
                            .update(List.of(new SegmentPut().id(SEGMENT).name("x")))
                            .execute());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(failure).isInstanceOf(RateLimitedException.class);
            assertThat(((RateLimitedException) failure).resetAfter()).contains(reset);
            assertThat(failure.getMessage()).startsWith("PUT /segments -> 429");
            assertThat(waits).as("waits between attempts").isEmpty();
            assertThat(millis).as("ms until the failure").isLessThan(2_000);
            assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
            // acquireTimeout 0: a paused store would refuse this at once.
            assertThat(client.segments().list(PageParams.first()).execute().items()).isEmpty();
          }
        });
  }

  @Test
  void aSuccessThatSaysTheQuotaIsUsedUpUntilTheEndOfTimePausesNothing() {
    wm.resetAll();
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                okPage()
                    .withHeader("X-Rate-Limit-Requests-Left", "0")
                    .withHeader("X-Rate-Limit-Time-Reset-Ms", MAX_LONG)
                    .withHeader("X-Retry-After", MAX_LONG)));

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try (SegmentsClient client = client(duration -> {}, Duration.ZERO)) {
            for (int i = 0; i < 3; i++) {
              assertThat(client.segments().list(PageParams.first()).execute().items()).isEmpty();
            }
          }
        });
  }

  @Test
  void aRateLimitResetThatIsNotANumberIsTreatedAsAbsentAndBackedOff() {
    wm.resetAll();
    wm.stubFor(
        put(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-Rate-Limit-Time-Reset-Ms", "99999999999999999999")
                    .withHeader("X-Retry-After", "-5")));
    List<Duration> waits = new CopyOnWriteArrayList<>();

    try (SegmentsClient client = client(waits::add, Duration.ZERO)) {
      Throwable failure =
          catchThrowable(
              () ->
                  client
                      .segments()
                      .update(List.of(new SegmentPut().id(SEGMENT).name("x")))
                      .execute());

      assertThat(failure).isInstanceOf(RateLimitedException.class);
      assertThat(((RateLimitedException) failure).resetAfter()).isEmpty();
      assertThat(waits).hasSize(1);
      assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }
  }

  static Stream<Arguments> absurdDurations() {
    Duration max = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
    Duration threeHundredYears = Duration.ofDays(300 * 365);
    return Stream.of(
        Arguments.of("acquireTimeout", Duration.ofDays(109_500)),
        Arguments.of("acquireTimeout", max),
        Arguments.of("acquireTimeout", Duration.ofMillis(-1)),
        Arguments.of("requestTimeout", threeHundredYears),
        Arguments.of("requestTimeout", Duration.ofMillis(Long.MAX_VALUE)),
        Arguments.of("requestTimeout", max),
        Arguments.of("requestTimeout", Duration.ZERO),
        Arguments.of("requestTimeout", Duration.ofSeconds(Long.MIN_VALUE)),
        Arguments.of("connectTimeout", Duration.ofMillis(Long.MAX_VALUE)),
        Arguments.of("connectTimeout", Duration.ofNanos(-1)),
        Arguments.of("initialBackoff", threeHundredYears),
        Arguments.of("maxBackoff", max),
        Arguments.of("maxRateLimitWait", Duration.ofSeconds(Long.MAX_VALUE)),
        Arguments.of("maxRateLimitWait", Duration.ofMillis(-1)));
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("absurdDurations")
  void anAbsurdDurationIsRefusedWithAMessageThatNamesIt(String option, Duration value) {
    assertThatThrownBy(() -> set(option, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(option + " must ")
        .hasMessageContaining(value.toString());
  }

  @Test
  void aClientWithEveryDurationAtItsCapWorks() {
    wm.resetAll();
    wm.stubFor(get(urlPathEqualTo(BASE + "/segments")).willReturn(okPage()));
    Duration hour = Duration.ofHours(1);
    RetryPolicy policy =
        RetryPolicy.builder().initialBackoff(hour).maxBackoff(hour).maxRateLimitWait(hour).build();

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try (SegmentsClient client =
              SegmentsClient.builder()
                  .storeHash(STORE)
                  .accessToken("overflow-test-token")
                  .baseUri(URI.create(wm.baseUrl() + BASE))
                  .limiterRegistry(ConcurrencyLimiterRegistry.create())
                  .acquireTimeout(hour)
                  .connectTimeout(hour)
                  .requestTimeout(hour)
                  .retryPolicy(policy)
                  .build()) {
            assertThat(client.segments().list(PageParams.first()).execute().items()).isEmpty();
          }
        });
  }

  private static void set(String option, Duration value) {
    SegmentsClient.Builder client = SegmentsClient.builder();
    RetryPolicy.Builder policy = RetryPolicy.builder();
    switch (option) {
      case "acquireTimeout" -> client.acquireTimeout(value);
      case "requestTimeout" -> client.requestTimeout(value);
      case "connectTimeout" -> client.connectTimeout(value);
      case "initialBackoff" -> policy.initialBackoff(value);
      case "maxBackoff" -> policy.maxBackoff(value);
      case "maxRateLimitWait" -> policy.maxRateLimitWait(value);
      default -> throw new IllegalArgumentException(option);
    }
  }

  private static SegmentsClient client(Consumer<Duration> sleeper, Duration acquireTimeout) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken("overflow-test-token")
        .baseUri(URI.create(wm.baseUrl() + BASE))
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .acquireTimeout(acquireTimeout)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(() -> 0.0).build())
        .sleeper(sleeper::accept)
        .build();
  }

  private static ResponseDefinitionBuilder okPage() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(PAGE);
  }
}
