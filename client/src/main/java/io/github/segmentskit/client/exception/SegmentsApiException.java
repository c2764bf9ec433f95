package io.github.segmentskit.client.exception;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error status. The subtype tells which; this base type stands for any
 * status without its own subtype (e.g. 405, 423, a 3xx: redirects are never followed).
 *
 * <p>Carries what the error response said ({@link #error()}): status, BigCommerce's error body
 * ({@code title}, {@code type}, {@code instance}, {@code errors}), the raw body text, the headers
 * and the operation that failed, all with the access token removed.
 */
public class SegmentsApiException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  /** An exception for {@code error}; its message is {@link ApiError#message()}. */
  public SegmentsApiException(ApiError error) {
    this(error, requireNonNull(error, "error == null").message());
  }

  /** An exception for {@code error} with a message of its own. */
  protected SegmentsApiException(ApiError error, String message) {
    super(message);
    this.error = requireNonNull(error, "error == null");
  }

  /** Everything the error response said. */
  public ApiError error() {
    return error;
  }

  /** The HTTP status code of the response. */
  public int status() {
    return error.status();
  }

  /** The {@code title} of the error body, if it had one. */
  public Optional<String> title() {
    return error.title();
  }

  /** The {@code type} of the error body, if it had one. */
  public Optional<String> type() {
    return error.type();
  }

  /** The {@code instance} of the error body, if it had one. */
  public Optional<String> instance() {
    return error.instance();
  }

  /** The {@code errors} of the error body: field (or item index and field) to problem. */
  public Map<String, String> errors() {
    return error.errors();
  }

  /** The response body as text; empty when there was none. */
  public String rawBody() {
    return error.rawBody();
  }

  /** BigCommerce's operationId of the failed call, e.g. {@code PutSegmentObjects}. */
  public String operationId() {
    return error.operationId();
  }

  /** The HTTP method of the failed call. */
  public String method() {
    return error.method();
  }

  /** The path of the failed call below the base URI, e.g. {@code /segments}. */
  public String path() {
    return error.path();
  }

  /** The response headers, names in lower case, values with the access token removed. */
  public Map<String, List<String>> headers() {
    return error.headers();
  }
}
