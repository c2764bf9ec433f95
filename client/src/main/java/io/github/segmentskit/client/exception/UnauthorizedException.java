package io.github.segmentskit.client.exception;

/** The API answered 401 Unauthorized: the access token is missing, wrong or revoked. */
public final class UnauthorizedException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public UnauthorizedException(ApiError error) {
    super(error);
  }
}
