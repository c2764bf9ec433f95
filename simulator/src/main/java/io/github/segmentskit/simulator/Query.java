package io.github.segmentskit.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The query parameters of a request, names and values percent-decoded: {@code id:in=a,b} and {@code
 * id%3Ain=a%2Cb} read the same.
 */
final class Query {

  /** The name of the id filter parameter. */
  static final String ID_IN = "id:in";

  private final Map<String, List<String>> parameters;

  private Query(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  /** Parses a raw (still percent-encoded) query string; null means no query. */
  static Query parse(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    return new Query(parameters);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest("query", "is not a valid percent-encoded query string");
    }
  }

  /** Whether the parameter is present (with any value, even an empty one). */
  boolean has(String name) {
    return parameters.containsKey(name);
  }

  /** The single value of the parameter; 422 if it was sent more than once. */
  Optional<String> single(String name) {
    List<String> values = parameters.get(name);
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw Problem.unprocessable(name, "must be sent once");
    }
    return Optional.of(values.get(0));
  }

  /**
   * The ids of {@code id:in}, sent as one comma-separated value; empty when the parameter is
   * absent.
   *
   * <p>A repeated parameter ({@code id:in=a&id:in=b}, the "exploded" form), an empty value, an
   * empty item and a non-canonical id are all answered with 422: a client that sends them is out of
   * step with the spec, and for a DELETE the server's reading of them is unknown. Duplicate ids are
   * read once.
   */
  Optional<List<UUID>> idIn() {
    Optional<String> value = single(ID_IN);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().isEmpty()) {
      throw Problem.unprocessable(ID_IN, "must list at least one id");
    }
    String[] items = value.get().split(",", -1);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<UUID> ids = new LinkedHashSet<>();
    for (int i = 0; i < items.length; i++) {
      Optional<UUID> id = Uuids.parse(items[i]);
      if (id.isEmpty()) {
        errors.put(ID_IN + "[" + i + "]", "must be a UUID");
      } else {
        ids.add(id.get());
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    return Optional.of(List.copyOf(ids));
  }
}
