package io.github.segmentskit.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * Reading request bodies. 400 when a body cannot be read as the shape the spec gives it (not JSON,
 * not an array, an item of the wrong JSON type); 422 when it can but a value is missing or invalid
 * (an empty array, a missing name, a malformed id); 413 above {@link Limits#MAX_BODY_BYTES}.
 */
final class Bodies {

  private Bodies() {}

  /** The body as a non-empty JSON array. */
  static JsonNode array(Call call) {
    if (call.bodyTooLarge()) {
      throw Problem.of(413, "Request entity too large", Map.of("body", "must be at most 1 MiB"));
    }
    if (call.body().length == 0) {
      throw Problem.badRequest("body", "is required: a JSON array");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(call.body());
    } catch (JsonProcessingException e) {
      throw Problem.badRequest("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw Problem.badRequest("body", "cannot be read");
    }
    if (body == null || body.isMissingNode()) {
      throw Problem.badRequest("body", "is required: a JSON array");
    }
    if (!body.isArray()) {
      throw Problem.badRequest("body", "must be a JSON array");
    }
    if (body.isEmpty()) {
      throw Problem.unprocessable("body", "must hold at least one item");
    }
    return body;
  }

  /** Item {@code index} as a JSON object; 400 if it is another JSON type. */
  static JsonNode object(JsonNode item, int index) {
    if (!item.isObject()) {
      throw Problem.badRequest(String.valueOf(index), "must be a JSON object");
    }
    return item;
  }

  /** The string field, or null if absent or JSON null; 400 if it is another JSON type. */
  static String text(JsonNode object, String field, int index) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw Problem.badRequest(index + "." + field, "must be a string");
    }
    return value.asText();
  }
}
