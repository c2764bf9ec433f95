package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it is written: status, JSON body (null for none, as with 204) and headers
 * beyond the ones every response gets.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null
 * @param headers extra headers
 */
record Reply(int status, JsonNode body, Map<String, String> headers) {

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonNode body) {
    return new Reply(status, requireNonNull(body, "body == null"), Map.of());
  }

  static Reply noContent() {
    return new Reply(204, null, Map.of());
  }

  static Reply of(Problem problem) {
    return json(problem.status(), problem.body());
  }

  /** A copy with one more header. */
  Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, body, copy);
  }

  /** A copy with the headers of {@code defaults} this reply does not set itself. */
  Reply withDefaultHeaders(Map<String, String> defaults) {
    Map<String, String> copy = new LinkedHashMap<>(defaults);
    copy.putAll(headers);
    return new Reply(status, body, copy);
  }

  /** A copy with more headers. */
  Reply withHeaders(Map<String, String> more) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.putAll(more);
    return new Reply(status, body, copy);
  }
}
