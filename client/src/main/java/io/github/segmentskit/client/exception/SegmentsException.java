package io.github.segmentskit.client.exception;

/**
 * The root of every exception {@code SegmentsClient} throws. Unchecked: callers catch the subtypes
 * they can act on.
 *
 * <ul>
 *   <li>{@link SegmentsValidationException}: the request was refused before anything was sent;
 *   <li>{@link SegmentsApiException} and its subtypes: the API answered with an error status;
 *   <li>{@link SegmentsResponseException} and its subtypes: the API answered 2xx, but with a body
 *       the client cannot trust;
 *   <li>{@link SegmentsConnectionException} (and {@link SegmentsTimeoutException}): no answer;
 *   <li>{@link ConcurrencyLimitExceededException}, {@link ConcurrencyLimiterUnavailableException}:
 *       no permit to send;
 *   <li>{@link ClientClosedException}, {@link SegmentsInterruptedException}: the client was closed,
 *       or the calling thread interrupted.
 * </ul>
 *
 * <p>Messages never contain the access token, in any encoding, nor a response body beyond a short,
 * redacted excerpt.
 */
public class SegmentsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SegmentsException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public SegmentsException(String message, Throwable cause) {
    super(message, cause);
  }
}
