package io.github.segmentskit.client;

/** The API answered 401 Unauthorized: the X-Auth-Token is missing or not valid. */
public final class UnauthorizedException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorDetails details) {
    super(details);
  }
}
