package io.github.segmentskit.client;

/** The API answered 404 Not Found: the store, segment or shopper profile does not exist. */
public final class NotFoundException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorDetails details) {
    super(details);
  }
}
