package io.github.segmentskit.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered 429 Too Many Requests and the client's {@link RetryPolicy} gave up retrying.
 * {@link #resetAfter()} says how long the store's rate-limit window still runs, when the response
 * said so.
 */
public final class RateLimitedException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  RateLimitedException(ErrorDetails details) {
    super(details);
  }

  /** {@code X-Rate-Limit-Time-Reset-Ms} of the response, if present. */
  public Optional<Duration> resetAfter() {
    return rateLimit().resetAfter();
  }
}
