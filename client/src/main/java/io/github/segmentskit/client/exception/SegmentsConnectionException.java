package io.github.segmentskit.client.exception;

/**
 * No HTTP answer was received: the connection was refused, reset or closed early, or the response
 * was cut off. {@link SegmentsTimeoutException} is the subtype for timeouts.
 */
public class SegmentsConnectionException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and the cause (may be null). */
  public SegmentsConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
