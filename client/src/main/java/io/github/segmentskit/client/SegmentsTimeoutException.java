package io.github.segmentskit.client;

/** The connect timeout or the request timeout ran out before the API answered. */
public final class SegmentsTimeoutException extends SegmentsConnectionException {
  private static final long serialVersionUID = 1L;

  SegmentsTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
