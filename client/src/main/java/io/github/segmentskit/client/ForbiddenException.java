package io.github.segmentskit.client;

/** The API answered 403 Forbidden: the token lacks the OAuth scope the operation needs. */
public final class ForbiddenException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(ErrorDetails details) {
    super(details);
  }
}
