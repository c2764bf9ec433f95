package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome of a batch write that may partly conflict: the items written and the items refused
 * with 409. With no conflict it is a success; with one or more it is answered with the spec's
 * conflict body ({@code SegmentsConflictResponse} or {@code
 * SegmentShopperProfilesConflictResponse}), whose {@code data} holds the items that were written
 * anyway.
 *
 * @param written the items written, in request order
 * @param conflicts one entry per refused item
 * @param total the number of items in the request
 */
record BatchResult<T>(List<T> written, List<Conflict> conflicts, int total) {

  /**
   * One refused item of a 409.
   *
   * @param title the human-readable reason
   * @param errors details keyed by field (may be empty)
   */
  record Conflict(String title, Map<String, String> errors) {
    Conflict {
      requireNonNull(title, "title == null");
      errors = Map.copyOf(errors);
    }
  }

  BatchResult {
    written = List.copyOf(written);
    conflicts = List.copyOf(conflicts);
  }

  boolean hasConflicts() {
    return !conflicts.isEmpty();
  }

  /** The conflict body: {@code {data, errors: [...], meta: {total, success, failed}}}. */
  ObjectNode conflictBody(Function<T, ObjectNode> toJson) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode data = body.putArray("data");
    written.forEach(item -> data.add(toJson.apply(item)));
    ArrayNode errors = body.putArray("errors");
    for (Conflict conflict : conflicts) {
      ObjectNode error = errors.addObject();
      error.put("status", 409);
      error.put("title", conflict.title());
      error.put("type", Problem.TYPE);
      ObjectNode fields = error.putObject("errors");
      conflict.errors().forEach(fields::put);
    }
    ObjectNode meta = body.putObject("meta");
    meta.put("total", total);
    meta.put("success", written.size());
    meta.put("failed", conflicts.size());
    return body;
  }
}
