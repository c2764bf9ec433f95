package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A WireMock stub mapping (the JSON of a file under {@code mappings/}) for one scenario and the
 * response the simulator gave it. The request matches exactly: method, path (and each query
 * parameter), the {@code X-Auth-Token} (or its absence) and the JSON body.
 */
final class StubMappingJson {

  private StubMappingJson() {}

  /**
   * The stub mapping.
   *
   * @param scenario the scenario whose request it matches
   * @param status the status the simulator answered
   * @param headers the response headers to return, canonically spelled
   * @param body the JSON body the simulator answered, or null for none
   */
  static ObjectNode of(
      ExportScenario scenario, int status, Map<String, String> headers, JsonNode body) {
    requireNonNull(scenario, "scenario == null");
    requireNonNull(headers, "headers == null");
    ObjectNode mapping = Json.MAPPER.createObjectNode();
    mapping.put("id", stubId(scenario.name()).toString());
    mapping.put("name", scenario.name());
    mapping.set("request", request(scenario));
    ObjectNode response = mapping.putObject("response");
    response.put("status", status);
    ObjectNode responseHeaders = response.putObject("headers");
    headers.forEach(responseHeaders::put);
    if (body != null) {
      response.set("jsonBody", body);
    }
    ObjectNode metadata = mapping.putObject("metadata");
    metadata.put("description", scenario.description());
    metadata.put("source", "segments-simulator export-wiremock: the simulator's own response");
    return mapping;
  }

  private static ObjectNode request(ExportScenario scenario) {
    ObjectNode request = Json.MAPPER.createObjectNode();
    request.put("method", scenario.method());
    if (scenario.query().isEmpty()) {
      request.put("url", scenario.storePath());
    } else {
      request.put("urlPath", scenario.storePath());
      ObjectNode query = request.putObject("queryParameters");
      scenario.query().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(entry -> query.putObject(entry.getKey()).put("equalTo", entry.getValue()));
    }
    ObjectNode token = request.putObject("headers").putObject(SimulatorHandler.AUTH_HEADER);
    if (scenario.token() == null) {
      token.put("absent", true);
    } else {
      token.put("equalTo", scenario.token());
    }
    if (scenario.body() != null) {
      request.putArray("bodyPatterns").addObject().put("equalToJson", scenario.body());
    }
    return request;
  }

  /** A stable id per scenario name, so that a new export replaces the stubs of the last. */
  private static UUID stubId(String name) {
    return UUID.nameUUIDFromBytes(
        ("segments-simulator/wiremock/" + name).getBytes(StandardCharsets.UTF_8));
  }
}
