package io.github.segmentskit.client.exception;

/**
 * The concurrency limiter could not answer, e.g. a distributed limiter lost its backing store: the
 * request was not sent. Thrown at once rather than after {@code acquireTimeout}.
 */
public final class ConcurrencyLimiterUnavailableException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and the cause (may be null). */
  public ConcurrencyLimiterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
