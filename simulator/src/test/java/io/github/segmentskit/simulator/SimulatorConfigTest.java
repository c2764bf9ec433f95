package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void hasTheDocumentedDefaults() {
    SimulatorConfig config = SegmentsSimulator.builder().config();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isZero();
    assertThat(config.minLatency()).isZero();
    assertThat(config.maxLatency()).isZero();
    assertThat(config.modifyTokens()).containsExactly("simulator-token");
    assertThat(config.readOnlyTokens()).isEmpty();
    assertThat(config.maxConcurrentRequests()).isEqualTo(10);
    assertThat(config.threads()).isEqualTo(64);
    assertThat(config.putSegmentsStatus()).isEqualTo(201);
    assertThat(config.rateLimitQuota()).isEqualTo(150);
    assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.faults()).isEqualTo(FaultInjection.none());
    assertThat(config.quotaEnforced()).isFalse();
    assertThat(config.rateLimitClock()).isEqualTo(Clock.systemUTC());
  }

  @Test
  void quotaEnforcesWhatRateLimitOnlyReports() {
    SimulatorConfig enforced =
        SegmentsSimulator.builder().quota(20, Duration.ofSeconds(5)).config();
    SimulatorConfig reported =
        SegmentsSimulator.builder()
            .quota(20, Duration.ofSeconds(5))
            .rateLimit(30, Duration.ofSeconds(6))
            .config();

    assertThat(enforced.quotaEnforced()).isTrue();
    assertThat(enforced.rateLimitQuota()).isEqualTo(20);
    assertThat(enforced.rateLimitWindow()).isEqualTo(Duration.ofSeconds(5));
    assertThat(enforced.toString()).contains("quota=20 per 5000 ms (enforced)");
    assertThat(reported.quotaEnforced()).isFalse();
    assertThat(reported.rateLimitQuota()).isEqualTo(30);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().quota(0, Duration.ofSeconds(30)).build())
        .withMessage("rateLimitQuota must be >= 1 but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().quota(1, Duration.ofNanos(5)).build())
        .withMessageStartingWith("rateLimitWindow must be at least 1 ms");
  }

  @Test
  void sizesThePoolAboveALargeInFlightLimit() {
    assertThat(SegmentsSimulator.builder().maxConcurrentRequests(100).config().threads())
        .isEqualTo(200);
  }

  @Test
  void namesTheWrongValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().port(70000).build())
        .withMessage("port must be between 0 and 65535 but was 70000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().maxConcurrentRequests(0).build())
        .withMessage("maxConcurrentRequests must be >= 1 but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().maxConcurrentRequests(10).threads(10).build())
        .withMessageStartingWith("threads must be > maxConcurrentRequests (10)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().latency(Duration.ofMillis(-1)).build())
        .withMessageContaining("latency must be >= 0");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                SegmentsSimulator.builder()
                    .latency(Duration.ofMillis(50), Duration.ofMillis(10))
                    .build())
        .withMessageContaining("is less than minimum latency");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().putSegmentsStatus(204).build())
        .withMessage("putSegmentsStatus must be 200 or 201 but was 204");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().modifyTokens().build())
        .withMessageContaining("modifyTokens is empty");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().modifyTokens(" ").build())
        .withMessage("modifyTokens contains a blank token");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().modifyTokens("t").readOnlyTokens("t").build())
        .withMessageContaining("both modify and read-only");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().rateLimit(0, Duration.ofSeconds(30)).build())
        .withMessage("rateLimitQuota must be >= 1 but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SegmentsSimulator.builder().host(" ").build())
        .withMessage("host is blank");
  }

  @Test
  void rejectsNullsWithTheirName() {
    assertThatNullPointerException()
        .isThrownBy(() -> SegmentsSimulator.builder().clock(null))
        .withMessage("clock == null");
    assertThatNullPointerException()
        .isThrownBy(() -> SegmentsSimulator.builder().modifyTokens("a", null))
        .withMessage("tokens contains null");
    assertThatNullPointerException()
        .isThrownBy(() -> SegmentsSimulator.builder().faults(null))
        .withMessage("faults == null");
    assertThatNullPointerException()
        .isThrownBy(() -> SegmentsSimulator.builder().rateLimitClock(null))
        .withMessage("rateLimitClock == null");
    assertThatNullPointerException()
        .isThrownBy(() -> SegmentsSimulator.builder().quota(1, null))
        .withMessage("window == null");
    try (SegmentsSimulator simulator = SegmentsSimulator.builder().build()) {
      assertThatNullPointerException()
          .isThrownBy(() -> simulator.store("abc123").rateLimitFor(null))
          .withMessage("duration == null");
    }
  }

  @Test
  void storesAnUnmodifiableCopyOfTheTokens() {
    Set<String> tokens = new HashSet<>(Set.of("a"));
    SimulatorConfig config = SegmentsSimulator.builder().modifyTokens(tokens).config();
    tokens.add("b");

    assertThat(config.modifyTokens()).containsExactly("a");
    assertThatThrownByModification(config.modifyTokens());
  }

  @Test
  void keepsTokensOutOfToString() {
    SimulatorConfig config =
        SegmentsSimulator.builder()
            .modifyTokens("very-secret")
            .readOnlyTokens("ro-secret")
            .config();

    assertThat(config.toString()).doesNotContain("very-secret").doesNotContain("ro-secret");
  }

  @Test
  void refusesToStartTwiceOrAfterClose() {
    SegmentsSimulator simulator = SegmentsSimulator.builder().build().start();
    assertThatIllegalStateException().isThrownBy(simulator::start).withMessageContaining("already");
    simulator.close();
    simulator.close(); // idempotent

    assertThatIllegalStateException().isThrownBy(simulator::start).withMessageContaining("closed");
    assertThatIllegalStateException().isThrownBy(simulator::port).withMessageContaining("start()");
  }

  @Test
  void baseUriNamesTheStore() {
    try (SegmentsSimulator simulator = SegmentsSimulator.builder().build().start()) {
      assertThat(simulator.baseUri("abc123").toString())
          .isEqualTo("http://127.0.0.1:" + simulator.port() + "/stores/abc123/v3");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> simulator.baseUri("a/b"))
          .withMessageContaining("store hash");
    }
  }

  private static void assertThatThrownByModification(Set<String> tokens) {
    assertThatThrownBy(() -> tokens.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }
}
