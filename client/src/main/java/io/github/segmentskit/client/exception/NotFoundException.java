package io.github.segmentskit.client.exception;

/** The API answered 404 Not Found: the segment or shopper profile does not exist. */
public final class NotFoundException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public NotFoundException(ApiError error) {
    super(error);
  }
}
