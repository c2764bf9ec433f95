package io.github.segmentskit.client.exception;

/**
 * The client was closed before the call could run: a call made after {@code close()}, or an async
 * call still queued when {@code close()} ran. Nothing was sent for it.
 */
public final class ClientClosedException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ClientClosedException(String message) {
    super(message);
  }

  /** An exception with a message and the cause (may be null). */
  public ClientClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
