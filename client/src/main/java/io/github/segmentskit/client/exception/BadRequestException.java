package io.github.segmentskit.client.exception;

/**
 * The API answered 400 Bad Request: the request was malformed, e.g. a body item failed validation.
 */
public final class BadRequestException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public BadRequestException(ApiError error) {
    super(error);
  }
}
