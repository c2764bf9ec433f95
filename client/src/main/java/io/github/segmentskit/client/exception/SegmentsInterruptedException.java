package io.github.segmentskit.client.exception;

/**
 * The calling thread was interrupted while the call waited (for a permit, for the response, or
 * between retries). The thread's interrupt flag is set again before this is thrown. A request that
 * was already on the wire is not abandoned: it keeps its permit until it ends or times out, so the
 * store's concurrency limit still holds; its result is dropped.
 */
public final class SegmentsInterruptedException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and the cause (may be null). */
  public SegmentsInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
