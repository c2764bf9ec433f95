package io.github.segmentskit.client.exception;

/**
 * A connect timeout, or a request that did not end within the client's {@code requestTimeout}
 * (headers and the whole body). Not retried: the caller's time budget is spent.
 */
public final class SegmentsTimeoutException extends SegmentsConnectionException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and the cause (may be null). */
  public SegmentsTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
