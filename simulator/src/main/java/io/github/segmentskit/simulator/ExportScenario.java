package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * One canned scenario of the WireMock export: the store it sets up, the request it sends and the
 * status the simulator must answer.
 *
 * @param name the file name stem and the stub's name, e.g. {@code create-segments}
 * @param description what the scenario shows
 * @param storeHash the store the request goes to
 * @param given sets the store up (after it was reset)
 * @param method the HTTP method
 * @param path the path below {@code /stores/{storeHash}/v3}, e.g. {@code /segments}
 * @param query the query parameters, unencoded ({@code id:in} → {@code a,b}), in order
 * @param token the {@code X-Auth-Token}, or null for none
 * @param body the JSON request body, or null for none
 * @param status the status the simulator must answer
 */
record ExportScenario(
    String name,
    String description,
    String storeHash,
    Consumer<SimulatedStore> given,
    String method,
    String path,
    Map<String, String> query,
    String token,
    String body,
    int status) {

  ExportScenario {
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    requireNonNull(storeHash, "storeHash == null");
    requireNonNull(given, "given == null");
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    query = Map.copyOf(requireNonNull(query, "query == null"));
  }

  /** {@code /stores/{storeHash}/v3{path}}. */
  String storePath() {
    return "/stores/" + storeHash + "/v3" + path;
  }

  /** The store path with the query, written literally ({@code ?id:in=a,b}), keys sorted. */
  String storePathAndQuery() {
    if (query.isEmpty()) {
      return storePath();
    }
    StringJoiner joined = new StringJoiner("&", storePath() + "?", "");
    query.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> joined.add(entry.getKey() + "=" + entry.getValue()));
    return joined.toString();
  }
}
