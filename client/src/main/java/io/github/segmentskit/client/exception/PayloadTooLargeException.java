package io.github.segmentskit.client.exception;

/**
 * The API answered 413 Payload Too Large: too many items in one request, or a page size above the
 * maximum.
 */
public final class PayloadTooLargeException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public PayloadTooLargeException(ApiError error) {
    super(error);
  }
}
