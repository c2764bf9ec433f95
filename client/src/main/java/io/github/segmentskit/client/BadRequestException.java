package io.github.segmentskit.client;

/**
 * The API answered 400 Bad Request: the request was malformed, e.g. a body item failed validation.
 */
public final class BadRequestException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorDetails details) {
    super(details);
  }
}
