package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * BigCommerce's rate-limit headers of one response ({@code X-Rate-Limit-*}, {@code X-Retry-After});
 * each is empty when absent, negative or not a number. Values come from the server and are not
 * trusted: absurdly large ones are kept as they are and compared, never converted in a way that
 * could overflow.
 */
public record RateLimitHeaders(
    OptionalLong timeWindowMs,
    OptionalLong timeResetMs,
    OptionalLong requestsQuota,
    OptionalLong requestsLeft,
    OptionalLong retryAfterSeconds) {

  static final String TIME_WINDOW_MS = "x-rate-limit-time-window-ms";
  static final String TIME_RESET_MS = "x-rate-limit-time-reset-ms";
  static final String REQUESTS_QUOTA = "x-rate-limit-requests-quota";
  static final String REQUESTS_LEFT = "x-rate-limit-requests-left";
  static final String RETRY_AFTER = "x-retry-after";

  /** Validates that no component is null. */
  public RateLimitHeaders {
    requireNonNull(timeWindowMs, "timeWindowMs == null");
    requireNonNull(timeResetMs, "timeResetMs == null");
    requireNonNull(requestsQuota, "requestsQuota == null");
    requireNonNull(requestsLeft, "requestsLeft == null");
    requireNonNull(retryAfterSeconds, "retryAfterSeconds == null");
  }

  /** Reads the headers from a response's header map; names are matched case-insensitively. */
  public static RateLimitHeaders from(Map<String, List<String>> headers) {
    requireNonNull(headers, "headers == null");
    return new RateLimitHeaders(
        number(headers, TIME_WINDOW_MS),
        number(headers, TIME_RESET_MS),
        number(headers, REQUESTS_QUOTA),
        number(headers, REQUESTS_LEFT),
        number(headers, RETRY_AFTER));
  }

  /**
   * How long until the store's window resets: {@code X-Rate-Limit-Time-Reset-Ms}, else {@code
   * X-Retry-After} seconds.
   */
  public Optional<Duration> resetAfter() {
    if (timeResetMs.isPresent()) {
      return Optional.of(Duration.ofMillis(timeResetMs.getAsLong()));
    }
    if (retryAfterSeconds.isPresent()) {
      return Optional.of(Duration.ofSeconds(retryAfterSeconds.getAsLong()));
    }
    return Optional.empty();
  }

  /** True if the response said that no request of the window's quota is left. */
  public boolean quotaExhausted() {
    return requestsLeft.isPresent() && requestsLeft.getAsLong() == 0;
  }

  private static OptionalLong number(Map<String, List<String>> headers, String lowerCaseName) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)
          && entry.getValue() != null
          && !entry.getValue().isEmpty()
          && entry.getValue().get(0) != null) {
        try {
          long value = Long.parseLong(entry.getValue().get(0).trim());
          return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
