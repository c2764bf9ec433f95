package io.github.segmentskit.client.exception;

/**
 * The API answered 2xx, but with a response the client cannot fully trust: no body where the spec
 * promises one, not JSON, malformed UTF-8, a missing required field, a null item, an id that is not
 * a canonical UUID, a number of the wrong type or out of range, or too large ({@link
 * ResponseTooLargeException}), or pagination that contradicts itself ({@link
 * InconsistentPaginationException}). The message names the operation and what was wrong, e.g.
 * {@code GET /segments -> 200 OK but the body is not trustworthy: data[1].id "abc" is not a
 * canonical UUID}; it never dumps the body.
 */
public class SegmentsResponseException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message and the cause (may be null). */
  public SegmentsResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
