package io.github.segmentskit.client.exception;

/**
 * The API answered 403 Forbidden: the token lacks the OAuth scope the operation needs, or the
 * request would exceed a platform limit.
 */
public final class ForbiddenException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  /** An exception for {@code error}. */
  public ForbiddenException(ApiError error) {
    super(error);
  }
}
