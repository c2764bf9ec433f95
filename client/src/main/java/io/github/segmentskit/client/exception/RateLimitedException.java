package io.github.segmentskit.client.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * The API answered 429 Too Many Requests and the retry policy gave up: attempts ran out, or the
 * store asked for a wait longer than the policy's {@code maxRateLimitWait}. {@link #resetAfter()}
 * says how long the store's rate-limit window still runs, when the response said so.
 */
public final class RateLimitedException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  private final transient Duration resetAfter;

  /** An exception for {@code error}; {@code resetAfter} may be null when the response had none. */
  public RateLimitedException(ApiError error, Duration resetAfter) {
    super(error);
    this.resetAfter = resetAfter;
  }

  /** {@code X-Rate-Limit-Time-Reset-Ms} (or {@code X-Retry-After}) of the response, if present. */
  public Optional<Duration> resetAfter() {
    return Optional.ofNullable(resetAfter);
  }
}
