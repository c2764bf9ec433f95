package io.github.segmentskit.client.exception;

/** The API answered 422 Unprocessable Entity: missing or invalid data, e.g. a malformed id. */
public final class UnprocessableEntityException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public UnprocessableEntityException(ApiError error) {
    super(error);
  }
}
