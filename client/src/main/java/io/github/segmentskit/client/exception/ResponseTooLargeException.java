package io.github.segmentskit.client.exception;

/**
 * A response body (counted after decompression) was larger than the client's {@code
 * maxResponseBytes}; the client stopped reading at the limit and closed the connection.
 */
public final class ResponseTooLargeException extends SegmentsResponseException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /** An exception naming the limit in bytes. */
  public ResponseTooLargeException(String message, long limit) {
    super(message, null);
    this.limit = limit;
  }

  /** The {@code maxResponseBytes} the body went past. */
  public long limit() {
    return limit;
  }
}
