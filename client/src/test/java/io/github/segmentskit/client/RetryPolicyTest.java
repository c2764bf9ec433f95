package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  private static final Map<String, List<String>> NO_HEADERS = Map.of();

  private final RetryPolicy policy =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(100))
          .maxBackoff(Duration.ofMillis(300))
          .jitter(() -> 1.0)
          .build();

  @Test
  void waitsExactlyTheResetHeaderOn429() {
    RetryDecision decision =
        policy.decide("POST", 1, 429, Map.of("X-Rate-Limit-Time-Reset-Ms", List.of("1234")));
    assertThat(decision.retry()).isTrue();
    assertThat(decision.delay()).isEqualTo(Duration.ofMillis(1234));
  }

  @Test
  void readsHeaderNamesCaseInsensitively() {
    assertThat(
            policy
                .decide("GET", 1, 429, Map.of("x-rate-limit-time-reset-ms", List.of("7")))
                .delay())
        .isEqualTo(Duration.ofMillis(7));
  }

  @Test
  void usesRetryAfterSecondsWhenNoResetHeader() {
    assertThat(policy.decide("GET", 1, 429, Map.of("X-Retry-After", List.of("2"))).delay())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void backsOffExponentiallyOn429WithoutHeaders() {
    assertThat(policy.decide("POST", 1, 429, NO_HEADERS).delay()).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.decide("POST", 2, 429, NO_HEADERS).delay()).isEqualTo(Duration.ofMillis(200));
    RetryPolicy many = policy.toBuilder().maxAttempts(10).build();
    assertThat(many.decide("POST", 5, 429, NO_HEADERS).delay()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void jitterTakesBetweenHalfAndAllOfTheBackoff() {
    RetryPolicy none = policy.toBuilder().jitter(() -> 0.0).build();
    RetryPolicy half = policy.toBuilder().jitter(() -> 0.5).build();
    assertThat(none.decide("GET", 1, 503, NO_HEADERS).delay()).isEqualTo(Duration.ofMillis(50));
    assertThat(half.decide("GET", 1, 503, NO_HEADERS).delay()).isEqualTo(Duration.ofMillis(75));
  }

  @Test
  void givesUpWhenTheResetIsLongerThanMaxRateLimitWait() {
    RetryPolicy patient = policy.toBuilder().maxRateLimitWait(Duration.ofSeconds(1)).build();
    assertThat(
            patient
                .decide("GET", 1, 429, Map.of("X-Rate-Limit-Time-Reset-Ms", List.of("1001")))
                .retry())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void retriesGatewayErrorsForIdempotentMethodsOnly(int status) {
    assertThat(policy.decide("GET", 1, status, NO_HEADERS).retry()).isTrue();
    assertThat(policy.decide("PUT", 1, status, NO_HEADERS).retry()).isTrue();
    assertThat(policy.decide("DELETE", 1, status, NO_HEADERS).retry()).isTrue();
    assertThat(policy.decide("POST", 1, status, NO_HEADERS).retry()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422, 500, 501})
  void doesNotRetryOtherStatuses(int status) {
    assertThat(policy.decide("GET", 1, status, NO_HEADERS).retry()).isFalse();
  }

  @Test
  void stopsAfterMaxAttempts() {
    assertThat(policy.decide("GET", 2, 503, NO_HEADERS).retry()).isTrue();
    assertThat(policy.decide("GET", 3, 503, NO_HEADERS).retry()).isFalse();
    assertThat(policy.decide("POST", 3, 429, NO_HEADERS).retry()).isFalse();
    assertThat(RetryPolicy.none().decide("GET", 1, 503, NO_HEADERS).retry()).isFalse();
  }

  @Test
  void retriesConnectionFailuresForIdempotentMethodsButNotTimeouts() {
    SegmentsConnectionException reset =
        new SegmentsConnectionException("reset", new IOException("Connection reset"));
    SegmentsTimeoutException timeout =
        new SegmentsTimeoutException("timed out", new HttpTimeoutException("timed out"));
    assertThat(policy.decide("PUT", 1, reset).retry()).isTrue();
    assertThat(policy.decide("PUT", 1, reset).delay()).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.decide("POST", 1, reset).retry()).isFalse();
    assertThat(policy.decide("GET", 1, timeout).retry()).isFalse();
    assertThat(policy.decide("GET", 1, new SegmentsValidationException("bad")).retry()).isFalse();
  }

  @Test
  void anAbsurdResetFailsAtOnceWithoutOverflowing() {
    for (String header : List.of("X-Rate-Limit-Time-Reset-Ms", "X-Retry-After")) {
      RetryDecision decision =
          policy.decide("GET", 1, 429, Map.of(header, List.of(String.valueOf(Long.MAX_VALUE))));
      assertThat(decision.retry()).as(header).isFalse();
      assertThat(decision.reason()).contains("more than maxRateLimitWait");
    }
  }

  @Test
  void everyWaitIsCappedAtAnHour() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRateLimitWait(Duration.ofDays(109_500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most PT1H");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RetryPolicy.builder().maxRateLimitWait(RetryPolicy.MAX_WAIT).build()).isNotNull();
  }

  @Test
  void builderRejectsBadValuesWithClearMessages() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be between 1 and 10, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
        .hasMessage("initialBackoff must be positive, was PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("maxBackoff == null");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(2))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> policy.decide("GET", 0, 503, NO_HEADERS))
        .hasMessage("attempt must be at least 1, was 0");
  }
}
