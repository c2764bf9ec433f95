package io.github.segmentskit.client.exception;

/**
 * The API answered a 5xx status: the API failed; 502, 503 and 504 are retried for idempotent
 * methods.
 */
public final class ServerErrorException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public ServerErrorException(ApiError error) {
    super(error);
  }
}
