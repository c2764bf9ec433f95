package io.github.segmentskit.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error status. The subtype tells which (see {@link ErrorMapper}); this
 * base type stands for any status without its own subtype (e.g. 405, 423, or a 3xx).
 *
 * <p>Carries what BigCommerce's error body holds ({@code status}, {@code title}, {@code type},
 * {@code instance}, {@code errors}), the raw body text (also when it is not JSON), the operation
 * that failed and the rate-limit headers. The message reads like {@code PUT /segments -> 422
 * Unprocessable Entity: JSON data is missing or invalid; 0.id: must be a valid UUID}.
 */
public class SegmentsApiException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;

  SegmentsApiException(ErrorDetails details) {
    super(details.message());
    this.details = details;
  }

  /** The HTTP status code of the response. */
  public int status() {
    return details.status();
  }

  /** The {@code title} of the error body, if it had one. */
  public Optional<String> title() {
    return Optional.ofNullable(details.title());
  }

  /** The {@code type} of the error body (a documentation link), if it had one. */
  public Optional<String> type() {
    return Optional.ofNullable(details.type());
  }

  /** The {@code instance} of the error body, if it had one. */
  public Optional<String> instance() {
    return Optional.ofNullable(details.instance());
  }

  /**
   * The {@code errors} of the error body: problems keyed by field or by item index and field (e.g.
   * {@code 0.id}); empty when the body had none.
   */
  public Map<String, String> errors() {
    return details.errors();
  }

  /** The response body as text; empty when there was none. */
  public String rawBody() {
    return details.rawBody();
  }

  /** BigCommerce's operationId of the failed call, e.g. {@code PutSegmentObjects}. */
  public String operationId() {
    return details.operation().operationId();
  }

  /** The HTTP method of the failed call. */
  public String method() {
    return details.operation().method();
  }

  /** The path of the failed call below the base URI, e.g. {@code /segments}. */
  public String path() {
    return details.path();
  }

  /** The response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return details.headers();
  }

  /** The rate-limit headers of the response. */
  public RateLimitHeaders rateLimit() {
    return RateLimitHeaders.from(details.headers());
  }
}
