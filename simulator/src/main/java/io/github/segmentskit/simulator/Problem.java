package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer: its status and the spec's {@code ErrorResponse} body ({@code status}, {@code
 * title}, {@code type}, {@code errors}). Handlers throw it; the server turns it into the response.
 */
final class Problem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The documentation link BigCommerce puts in {@code type}. */
  static final String TYPE =
      "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

  private final int status;
  private final String title;
  private final Map<String, String> errors;

  private Problem(int status, String title, Map<String, String> errors) {
    super(status + " " + title + (errors.isEmpty() ? "" : " " + errors));
    this.status = status;
    this.title = requireNonNull(title, "title == null");
    this.errors = Map.copyOf(errors);
  }

  static Problem of(int status, String title) {
    return new Problem(status, title, Map.of());
  }

  static Problem of(int status, String title, Map<String, String> errors) {
    requireNonNull(errors, "errors == null");
    return new Problem(status, title, new LinkedHashMap<>(errors));
  }

  /** 400: the body is not JSON, or not of the shape the spec gives it. */
  static Problem badRequest(String title) {
    return of(400, title);
  }

  /** 400 with field errors. */
  static Problem badRequest(String field, String message) {
    return of(400, "Input is invalid", Map.of(field, message));
  }

  /** 422: well-formed, but a value is missing or invalid. */
  static Problem unprocessable(Map<String, String> errors) {
    return of(422, "JSON data is missing or invalid", errors);
  }

  /** 422 with one field error. */
  static Problem unprocessable(String field, String message) {
    return unprocessable(Map.of(field, message));
  }

  /**
   * 403 at a platform limit (the 1000-segment caps): BigCommerce's status guide names 403 for a
   * request that would "exceed a platform limit"; the spec expects it (507 is possible too).
   */
  static Problem platformLimit(Map<String, String> errors) {
    return of(403, "Platform limit reached", errors);
  }

  /** 403 at a platform limit, with one field error. */
  static Problem platformLimit(String field, String message) {
    return platformLimit(Map.of(field, message));
  }

  /** 413 for a {@code limit} above {@link Limits#MAX_PAGE_SIZE}. */
  static Problem pageSizeTooLarge() {
    return of(
        413,
        "The limit parameter exceeds the maximum page size",
        Map.of("limit", "must be at most " + Limits.MAX_PAGE_SIZE));
  }

  /** 404 for a path that names no resource of the store. */
  static Problem notFound(String title) {
    return of(404, title);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  Map<String, String> errors() {
    return errors;
  }

  /** The {@code ErrorResponse} body. */
  ObjectNode body() {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("status", status);
    body.put("title", title);
    body.put("type", TYPE);
    ObjectNode fields = body.putObject("errors");
    errors.forEach(fields::put);
    return body;
  }
}
