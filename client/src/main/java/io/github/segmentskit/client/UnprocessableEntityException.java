package io.github.segmentskit.client;

/** The API answered 422 Unprocessable Entity: the data is missing or invalid. */
public final class UnprocessableEntityException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(ErrorDetails details) {
    super(details);
  }
}
