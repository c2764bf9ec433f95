package io.github.segmentskit.client;

/** The API answered 413 Payload Too Large: the request body is too large. */
public final class PayloadTooLargeException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  PayloadTooLargeException(ErrorDetails details) {
    super(details);
  }
}
