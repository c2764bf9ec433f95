package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Checks of the durations a builder accepts, and arithmetic on durations that cannot overflow. A
 * server controls some durations (rate-limit resets), so none is converted with {@code toMillis()}
 * or {@code toNanos()} before it was bounded.
 */
final class Durations {
  /** The longest duration any builder accepts: longer would not be a timeout but a hang. */
  static final Duration MAX = Duration.ofHours(24);

  private Durations() {}

  /** {@code value}, if it is positive and at most {@code max}. */
  static Duration positive(Duration value, String name, Duration max) {
    requireNonNull(value, name + " == null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return atMost(value, name, max);
  }

  /** {@code value}, if it is zero or more and at most {@code max}. */
  static Duration nonNegative(Duration value, String name, Duration max) {
    requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return atMost(value, name, max);
  }

  private static Duration atMost(Duration value, String name, Duration max) {
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
    }
    return value;
  }

  /** Nanoseconds of {@code value}, saturated to {@code Long.MAX_VALUE} instead of overflowing. */
  static long nanos(Duration value) {
    if (value.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0) {
      return Long.MAX_VALUE;
    }
    return value.isNegative() ? 0 : value.toNanos();
  }

  /** Milliseconds of {@code value}, saturated to {@code Long.MAX_VALUE} instead of overflowing. */
  static long millis(Duration value) {
    if (value.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0) {
      return Long.MAX_VALUE;
    }
    return value.isNegative() ? 0 : value.toMillis();
  }
}
