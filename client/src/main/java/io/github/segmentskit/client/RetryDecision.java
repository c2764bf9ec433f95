package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What {@link RetryPolicy#decide} said: retry after {@code delay}, or stop; {@code reason} says why
 * (for logs and tests).
 */
public record RetryDecision(boolean retry, Duration delay, String reason) {

  /** Validates the components. */
  public RetryDecision {
    requireNonNull(delay, "delay == null");
    requireNonNull(reason, "reason == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay is negative: " + delay);
    }
  }

  static RetryDecision retryAfter(Duration delay, String reason) {
    return new RetryDecision(true, delay, reason);
  }

  static RetryDecision stop(String reason) {
    return new RetryDecision(false, Duration.ZERO, reason);
  }
}
