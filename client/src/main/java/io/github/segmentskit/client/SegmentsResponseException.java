package io.github.segmentskit.client;

/**
 * The API answered, but its body could not be read into the expected model: not JSON, a different
 * shape, or a value such as an id that is not a UUID. The message says where, e.g. {@code GET
 * /segments -> response body could not be read: data[0].id "abc" is not a UUID}.
 */
public final class SegmentsResponseException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  SegmentsResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
