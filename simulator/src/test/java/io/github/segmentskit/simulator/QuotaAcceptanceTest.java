package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An enforced quota: 3 requests per 30 s and store, on a clock the tests move. */
class QuotaAcceptanceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private SegmentsSimulator simulator;
  private TestHttp http;

  @BeforeEach
  void start() {
    simulator =
        SegmentsSimulator.builder()
            .quota(3, Duration.ofSeconds(30))
            .rateLimitClock(clock)
            .build()
            .start();
    http = TestHttp.to(simulator.baseUri("abc123"));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void answers429WithZeroLeftAndTheTimeToTheResetOnceTheQuotaIsUsed() {
    List<String> left = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestHttp.Response served = http.get("/segments");
      assertThat(served.status()).isEqualTo(200);
      left.add(served.header("X-Rate-Limit-Requests-Left"));
    }
    clock.advance(Duration.ofMillis(4500));

    TestHttp.Response refused = http.get("/segments");

    assertThat(left).containsExactly("2", "1", "0");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    assertThat(refused.json().get("title").asText())
        .isEqualTo("Too many requests: the store's quota of 3 requests per 30000 ms is used up");
    assertThat(refused.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(refused.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("25500");
    assertThat(refused.header("X-Rate-Limit-Requests-Quota")).isEqualTo("3");
    assertThat(refused.header("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
    assertThat(refused.header("X-Retry-After")).isEqualTo("26");
  }

  @Test
  void theWindowResetsOnTime() {
    useTheQuota();

    clock.advance(Duration.ofSeconds(30).minusMillis(1));
    TestHttp.Response lastMillisecond = http.get("/segments");
    clock.advance(Duration.ofMillis(1));
    TestHttp.Response nextWindow = http.get("/segments");

    assertThat(lastMillisecond.status()).isEqualTo(429);
    assertThat(lastMillisecond.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("1");
    assertThat(nextWindow.status()).isEqualTo(200);
    assertThat(nextWindow.header("X-Rate-Limit-Requests-Left")).isEqualTo("2");
    assertThat(nextWindow.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("30000");
  }

  @Test
  void aRefusedRequestChangesNothing() {
    useTheQuota();

    TestHttp.Response refused = http.post("/segments", "[{\"name\":\"Wholesale\"}]");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(simulator.store("abc123").segments()).isEmpty();
  }

  @Test
  void eachStoreHasItsOwnQuota() {
    useTheQuota();

    TestHttp.Response other = TestHttp.to(simulator.baseUri("def456")).get("/segments");

    assertThat(other.status()).isEqualTo(200);
    assertThat(other.header("X-Rate-Limit-Requests-Left")).isEqualTo("2");
  }

  @Test
  void onlyAuthenticatedRequestsCountAndABadTokenIsStill401() {
    TestHttp noToken = http.withToken(null);
    for (int i = 0; i < 5; i++) {
      assertThat(noToken.get("/segments").status()).isEqualTo(401);
    }
    useTheQuota();

    TestHttp.Response unauthorized = http.withToken("wrong").get("/segments");

    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(simulator.metrics().quotaRefusals()).isEqualTo(1); // the one of useTheQuota
  }

  @Test
  void responsesThatAreNotCountedReportTheWindowAsItIs() {
    http.get("/segments");
    clock.advance(Duration.ofSeconds(10));

    for (TestHttp.Response response :
        new TestHttp.Response[] {
          http.withToken(null).get("/segments"),
          http.get("/nothing-here"),
          http.send("GET", "/segments", null, "Accept", "text/html"),
          http.send("PATCH", "/segments", "[]")
        }) {
      assertThat(response.header("X-Rate-Limit-Requests-Left")).isEqualTo("2");
      assertThat(response.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("20000");
      assertThat(response.header("X-Rate-Limit-Requests-Quota")).isEqualTo("3");
    }
  }

  @Test
  void resettingTheStoreOpensAFreshWindow() {
    useTheQuota();

    simulator.store("abc123").reset();

    assertThat(http.get("/segments").header("X-Rate-Limit-Requests-Left")).isEqualTo("2");
  }

  @Test
  void countsQuotaRefusalsApartFromOther429s() {
    useTheQuota(); // three 200s and one 429
    http.get("/segments");
    http.get("/segments");

    Metrics metrics = simulator.metrics();
    assertThat(metrics.quotaRefusals()).isEqualTo(3);
    assertThat(metrics.tooManyRequests()).isEqualTo(3);
    assertThat(metrics.inFlightLimitRefusals()).isZero();
    assertThat(metrics.rateLimitedStoreRefusals()).isZero();
    assertThat(metrics.injectedFaults()).isZero();
  }

  @Test
  void theInFlightLimitStillHoldsAndIsCountedApartFromTheQuota() throws Exception {
    try (SegmentsSimulator slow =
        SegmentsSimulator.builder()
            .latency(Duration.ofMillis(300))
            .quota(5, Duration.ofMinutes(5))
            .build()
            .start()) {
      TestHttp slowHttp = TestHttp.to(slow.baseUri("abc123"));

      List<TestHttp.Response> responses = race(slowHttp, 30);

      Metrics metrics = slow.metrics();
      assertThat(responses.stream().filter(response -> response.status() == 200)).hasSize(5);
      assertThat(responses.stream().filter(response -> response.status() == 429)).hasSize(25);
      assertThat(metrics.inFlightLimitRefusals()).isPositive();
      assertThat(metrics.quotaRefusals()).isGreaterThanOrEqualTo(5);
      assertThat(metrics.inFlightLimitRefusals() + metrics.quotaRefusals()).isEqualTo(25);
      assertThat(metrics.peakInFlight()).isEqualTo(10);
      assertThat(responses.stream().map(QuotaAcceptanceTest::title))
          .contains(
              "Too many requests: at most 10 concurrent requests per store",
              "Too many requests: the store's quota of 5 requests per 300000 ms is used up");
    }
  }

  private static String title(TestHttp.Response response) {
    return response.status() == 200 ? "" : response.json().get("title").asText();
  }

  private void useTheQuota() {
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/segments").status()).isEqualTo(200);
    }
    assertThat(http.get("/segments").status()).isEqualTo(429);
  }

  private static List<TestHttp.Response> race(TestHttp http, int count) throws Exception {
    List<CompletableFuture<TestHttp.Response>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(http.sendAsync("GET", "/segments", null));
    }
    List<TestHttp.Response> responses = new ArrayList<>();
    for (CompletableFuture<TestHttp.Response> call : calls) {
      responses.add(call.get(10, TimeUnit.SECONDS));
    }
    return responses;
  }
}
