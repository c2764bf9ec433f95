package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SimulatedStore#rateLimitFor(Duration)}: one store answers 429 after authentication. */
class RateLimitedStoreAcceptanceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private SegmentsSimulator simulator;
  private SimulatedStore store;
  private TestHttp http;

  @BeforeEach
  void start() {
    simulator =
        SegmentsSimulator.builder().readOnlyTokens("reader").rateLimitClock(clock).build().start();
    store = simulator.store("abc123");
    http = TestHttp.to(simulator.baseUri("abc123"));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void answersAuthenticatedRequestsWith429AndTheTimeToTheReset() {
    store.rateLimitFor(Duration.ofSeconds(10));

    TestHttp.Response refused = http.get("/segments");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    assertThat(refused.json().get("title").asText())
        .isEqualTo("Too many requests: the store is rate limited");
    assertThat(refused.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("10000");
    assertThat(refused.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(refused.header("X-Rate-Limit-Requests-Quota")).isEqualTo("150");
    assertThat(refused.header("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
    assertThat(refused.header("X-Retry-After")).isEqualTo("10");
  }

  @Test
  void theResetCountsDownAndTheStoreServesAgainWhenItIsReached() {
    store.rateLimitFor(Duration.ofSeconds(10));

    clock.advance(Duration.ofMillis(6500));
    TestHttp.Response later = http.get("/segments");
    clock.advance(Duration.ofMillis(3500));
    TestHttp.Response afterReset = http.get("/segments");

    assertThat(later.status()).isEqualTo(429);
    assertThat(later.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("3500");
    assertThat(later.header("X-Retry-After")).isEqualTo("4");
    assertThat(afterReset.status()).isEqualTo(200);
    assertThat(afterReset.header("X-Rate-Limit-Requests-Left")).isEqualTo("149");
    assertThat(afterReset.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("30000");
  }

  @Test
  void aMissingOrUnknownTokenIsStill401AndAReadOnlyWriteStill403() {
    store.rateLimitFor(Duration.ofSeconds(10));

    TestHttp.Response missing = http.withToken(null).get("/segments");
    TestHttp.Response unknown = http.withToken("not-a-token").get("/segments");
    TestHttp.Response readOnlyWrite =
        http.withToken("reader").post("/segments", "[{\"name\":\"A\"}]");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(readOnlyWrite.status()).isEqualTo(403);
    assertThat(missing.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(missing.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("10000");
    assertThat(simulator.metrics().rateLimitedStoreRefusals()).isZero();
  }

  @Test
  void otherStoresAreNotAffected() {
    store.rateLimitFor(Duration.ofSeconds(10));

    TestHttp.Response other = TestHttp.to(simulator.baseUri("def456")).get("/segments");

    assertThat(other.status()).isEqualTo(200);
    assertThat(other.header("X-Rate-Limit-Requests-Left")).isEqualTo("149");
  }

  @Test
  void writesNothingWhileRateLimited() {
    store.rateLimitFor(Duration.ofSeconds(10));

    assertThat(http.post("/segments", "[{\"name\":\"Wholesale\"}]").status()).isEqualTo(429);
    assertThat(http.delete("/segments").status()).isEqualTo(429);

    assertThat(store.segments()).isEmpty();
  }

  @Test
  void clearRateLimitAndResetLiftItAtOnce() {
    store.rateLimitFor(Duration.ofMinutes(5)).clearRateLimit();
    assertThat(http.get("/segments").status()).isEqualTo(200);

    store.rateLimitFor(Duration.ofMinutes(5));
    store.reset();
    assertThat(http.get("/segments").status()).isEqualTo(200);

    store.rateLimitFor(Duration.ofMinutes(5));
    simulator.resetAllStores();
    assertThat(http.get("/segments").status()).isEqualTo(200);
  }

  @Test
  void isCountedApartFromOther429s() {
    store.rateLimitFor(Duration.ofSeconds(10));
    http.get("/segments");
    http.get("/shopper-profiles");

    Metrics metrics = simulator.metrics();
    assertThat(metrics.rateLimitedStoreRefusals()).isEqualTo(2);
    assertThat(metrics.tooManyRequests()).isEqualTo(2);
    assertThat(metrics.quotaRefusals()).isZero();
    assertThat(metrics.inFlightLimitRefusals()).isZero();
  }

  @Test
  void worksBeforeTheSimulatorStarts() {
    try (SegmentsSimulator notYetStarted = SegmentsSimulator.builder().build()) {
      notYetStarted.store("abc123").rateLimitFor(Duration.ofMinutes(1));
      notYetStarted.start();

      assertThat(TestHttp.to(notYetStarted.baseUri("abc123")).get("/segments").status())
          .isEqualTo(429);
    }
  }

  @Test
  void refusesADurationUnderOneMillisecond() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.rateLimitFor(Duration.ZERO))
        .withMessage("duration must be at least 1 ms but was PT0S");
  }
}
