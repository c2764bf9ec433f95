package io.github.segmentskit.client;

/**
 * The root of every exception {@link SegmentsClient} throws. Unchecked: callers catch the subtypes
 * they can act on.
 *
 * <ul>
 *   <li>{@link SegmentsValidationException}: the request was refused before anything was sent;
 *   <li>{@link SegmentsApiException} and its subtypes: the API answered with an error status;
 *   <li>{@link SegmentsResponseException}: the API answered, but the body could not be read;
 *   <li>{@link SegmentsConnectionException} (and {@link SegmentsTimeoutException}): no answer;
 *   <li>{@link ConcurrencyLimitExceededException}: no permit to send within the wait allowed.
 * </ul>
 *
 * <p>Messages never contain the access token.
 */
public class SegmentsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SegmentsException(String message) {
    super(message);
  }

  SegmentsException(String message, Throwable cause) {
    super(message, cause);
  }
}
