package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static final FaultInjection FAULTS =
      FaultInjection.seeded(42).withTooManyRequests(0.3).withServiceUnavailable(0.2);

  @Test
  void injectsTheSameFaultsUnderTheSameSeed() {
    List<Integer> first = statuses(FAULTS, 40);
    List<Integer> second = statuses(FAULTS, 40);

    assertThat(first).isEqualTo(second);
    assertThat(first).contains(200, 429, 503).containsOnly(200, 429, 503);
  }

  @Test
  void anotherSeedInjectsOtherFaults() {
    assertThat(statuses(FAULTS, 40))
        .isNotEqualTo(statuses(FaultInjection.seeded(7).withTooManyRequests(0.3), 40));
  }

  @Test
  void injected429CarriesTheRateLimitHeadersAndIsCounted() {
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .faults(FaultInjection.seeded(1).withTooManyRequests(1.0))
            .retryAfter(Duration.ofMillis(1500))
            .build()
            .start()) {
      TestHttp.Response response = TestHttp.to(simulator.baseUri("abc123")).get("/segments");

      assertThat(response.status()).isEqualTo(429);
      assertThat(response.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("1500");
      assertThat(response.header("X-Retry-After")).isEqualTo("2");
      assertThat(simulator.metrics().injectedFaults()).isEqualTo(1);
    }
  }

  @Test
  void faultsComeBeforeAuthenticationAndLeaveTheStoreAlone() {
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .faults(FaultInjection.seeded(1).withServiceUnavailable(1.0))
            .build()
            .start()) {
      TestHttp http = TestHttp.to(simulator.baseUri("abc123"));

      assertThat(http.withToken(null).get("/segments").status()).isEqualTo(503);
      assertThat(http.post("/segments", "[{\"name\":\"A\"}]").json().get("status").asInt())
          .isEqualTo(503);
      assertThat(simulator.store("abc123").segments()).isEmpty();
    }
  }

  @Test
  void rejectsProbabilitiesOutsideZeroToOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultInjection.seeded(1).withTooManyRequests(1.5))
        .withMessage("tooManyRequests must be between 0 and 1 but was 1.5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultInjection.seeded(1).withServiceUnavailable(Double.NaN))
        .withMessageContaining("serviceUnavailable");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> FaultInjection.seeded(1).withTooManyRequests(0.6).withServiceUnavailable(0.6))
        .withMessageContaining("must be <= 1");
  }

  @Test
  void noneIsInactive() {
    assertThat(FaultInjection.none().isActive()).isFalse();
    assertThat(FAULTS.isActive()).isTrue();
    assertThat(FAULTS.pick(0.1)).isEqualTo(FaultInjection.Fault.TOO_MANY_REQUESTS);
    assertThat(FAULTS.pick(0.4)).isEqualTo(FaultInjection.Fault.SERVICE_UNAVAILABLE);
    assertThat(FAULTS.pick(0.5)).isEqualTo(FaultInjection.Fault.NONE);
  }

  private static List<Integer> statuses(FaultInjection faults, int requests) {
    try (SegmentsSimulator simulator = SegmentsSimulator.builder().faults(faults).build().start()) {
      TestHttp http = TestHttp.to(simulator.baseUri("abc123"));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        statuses.add(http.get("/segments").status());
      }
      return statuses;
    }
  }
}
