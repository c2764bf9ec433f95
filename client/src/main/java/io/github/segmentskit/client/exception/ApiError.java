package io.github.segmentskit.client.exception;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an error response said, as carried by {@link SegmentsApiException}: the status, the fields
 * of BigCommerce's error body ({@code title}, {@code type}, {@code instance}, {@code errors}), the
 * raw body text, the response headers (names in lower case) and the call that failed. Every text in
 * it has had the access token removed. Immutable; build one with {@link #builder(int)} (tests of
 * code that handles these exceptions do).
 */
public final class ApiError {
  private final int status;
  private final String title;
  private final String type;
  private final String instance;
  private final Map<String, String> errors;
  private final String rawBody;
  private final String operationId;
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;

  private ApiError(Builder builder) {
    this.status = builder.status;
    this.title = builder.title;
    this.type = builder.type;
    this.instance = builder.instance;
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(builder.errors));
    this.rawBody = builder.rawBody;
    this.operationId = builder.operationId;
    this.method = builder.method;
    this.path = builder.path;
    Map<String, List<String>> copy = new TreeMap<>();
    builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
  }

  /** A builder for an error with {@code status}; every other field is optional. */
  public static Builder builder(int status) {
    return new Builder(status);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The {@code title} of the error body, if it had one. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The {@code type} of the error body (a documentation link), if it had one. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** The {@code instance} of the error body, if it had one. */
  public Optional<String> instance() {
    return Optional.ofNullable(instance);
  }

  /** The {@code errors} of the error body, field (or index.field) to problem, in body order. */
  public Map<String, String> errors() {
    return errors;
  }

  /** The response body as text; empty when there was none. */
  public String rawBody() {
    return rawBody;
  }

  /** BigCommerce's operationId of the failed call, e.g. {@code PutSegmentObjects}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method of the failed call. */
  public String method() {
    return method;
  }

  /** The path of the failed call below the base URI, e.g. {@code /segments}. */
  public String path() {
    return path;
  }

  /** The response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The message of an exception for this error, e.g. {@code PUT /segments -> 422 Unprocessable
   * Entity: JSON data is missing or invalid; 0.id: must be a valid UUID}; a body without a title or
   * field errors (not JSON, say) is shown as an excerpt of at most 200 characters.
   */
  public String message() {
    StringBuilder message = new StringBuilder();
    message.append(method).append(' ').append(path).append(" -> ").append(status);
    String reason = reasonPhrase(status);
    if (!reason.isEmpty()) {
      message.append(' ').append(reason);
    }
    List<String> parts = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      parts.add(title);
    }
    errors.forEach((field, problem) -> parts.add(field + ": " + problem));
    if (parts.isEmpty() && !rawBody.isBlank() && !looksLikeJsonObject(rawBody)) {
      parts.add("body: " + excerpt(rawBody));
    }
    if (!parts.isEmpty()) {
      message.append(": ").append(String.join("; ", parts));
    }
    return message.toString();
  }

  @Override
  public String toString() {
    return "ApiError[" + message() + "]";
  }

  private static boolean looksLikeJsonObject(String body) {
    String trimmed = body.strip();
    return trimmed.startsWith("{") && trimmed.endsWith("}");
  }

  private static String excerpt(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  /** The standard reason phrase of the statuses BigCommerce uses; empty for others. */
  public static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 207 -> "Multi-Status";
      case 300 -> "Multiple Choices";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Entity";
      case 423 -> "Locked";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 507 -> "Insufficient Storage";
      default -> "";
    };
  }

  /** Builds an {@link ApiError}; unset texts are absent, unset maps empty. */
  public static final class Builder {
    private final int status;
    private String title;
    private String type;
    private String instance;
    private Map<String, String> errors = Map.of();
    private String rawBody = "";
    private String operationId = "";
    private String method = "";
    private String path = "";
    private Map<String, List<String>> headers = Map.of();

    private Builder(int status) {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException(
            "status must be a three-digit HTTP status, was " + status);
      }
      this.status = status;
    }

    /** The {@code title} of the body. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The {@code type} of the body. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** The {@code instance} of the body. */
    public Builder instance(String instance) {
      this.instance = instance;
      return this;
    }

    /** The {@code errors} of the body. */
    public Builder errors(Map<String, String> errors) {
      this.errors = requireNonNull(errors, "errors == null");
      return this;
    }

    /** The body as text. */
    public Builder rawBody(String rawBody) {
      this.rawBody = requireNonNull(rawBody, "rawBody == null");
      return this;
    }

    /** The failed call: operationId, method and path. */
    public Builder call(String operationId, String method, String path) {
      this.operationId = requireNonNull(operationId, "operationId == null");
      this.method = requireNonNull(method, "method == null");
      this.path = requireNonNull(path, "path == null");
      return this;
    }

    /** The response headers. */
    public Builder headers(Map<String, List<String>> headers) {
      this.headers = requireNonNull(headers, "headers == null");
      return this;
    }

    /** The error. */
    public ApiError build() {
      return new ApiError(this);
    }
  }
}
