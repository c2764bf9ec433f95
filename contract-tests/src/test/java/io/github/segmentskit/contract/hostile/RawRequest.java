package io.github.segmentskit.contract.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One request as {@link RawServer} read it off the wire.
 *
 * @param method the method, e.g. {@code GET}
 * @param target the request target as sent, e.g. {@code /stores/abc/v3/segments?page=1}
 * @param headers name and value of each header line, in order
 * @param body the body bytes ({@code Content-Length} of them)
 * @param connection the number of the connection it came on, from 1
 * @param indexOnConnection 0 for the first request of its connection, 1 for the next ...
 */
record RawRequest(
    String method,
    String target,
    List<String[]> headers,
    byte[] body,
    int connection,
    int indexOnConnection) {

  /** The first value of header {@code name} (any case). */
  Optional<String> header(String name) {
    return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
  }

  /** The path of the target, without the query. */
  String path() {
    int question = target.indexOf('?');
    return question < 0 ? target : target.substring(0, question);
  }

  /** The value of query parameter {@code name} as sent (not decoded), if present. */
  Optional<String> query(String name) {
    int question = target.indexOf('?');
    if (question < 0) {
      return Optional.empty();
    }
    for (String pair : target.substring(question + 1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return Optional.of(pair.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
