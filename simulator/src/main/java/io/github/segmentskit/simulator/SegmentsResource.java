package io.github.segmentskit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code /segments}: list, create, update and delete segments. */
final class SegmentsResource {

  private final int putStatus;

  SegmentsResource(int putStatus) {
    this.putStatus = putStatus;
  }

  /** {@code GET /segments}: a page of segments, only those in {@code id:in} if given. */
  Reply list(Call call) {
    Pagination pagination = Pagination.from(call.query());
    Optional<List<UUID>> ids = call.query().idIn();
    List<Segment> segments =
        ids.isPresent() ? call.state().segments(ids.get()) : call.state().segments();
    return Reply.json(200, pagination.response(segments, Json::segment));
  }

  /** {@code POST /segments}: 201 with the created segments; 409 for names already used. */
  Reply create(Call call) {
    JsonNode body = Bodies.array(call);
    Map<String, String> errors = new LinkedHashMap<>();
    List<StoreState.NewSegment> batch = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = Bodies.object(body.get(i), i);
      String name = Bodies.text(item, "name", i);
      String description = Bodies.text(item, "description", i);
      if (name == null) {
        errors.put(i + ".name", "is required");
      } else if (name.isEmpty()) {
        errors.put(i + ".name", "must not be empty");
      } else {
        batch.add(new StoreState.NewSegment(name, description == null ? "" : description));
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    BatchResult<Segment> result = call.state().createSegments(batch);
    if (result.hasConflicts()) {
      return Reply.json(409, result.conflictBody(Json::segment));
    }
    return Reply.json(201, writeResponse(result.written()));
  }

  /** {@code PUT /segments}: updates all or none; 201 (or 200, as configured). */
  Reply update(Call call) {
    JsonNode body = Bodies.array(call);
    Map<String, String> errors = new LinkedHashMap<>();
    List<StoreState.SegmentChange> batch = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = Bodies.object(body.get(i), i);
      String idText = Bodies.text(item, "id", i);
      String name = Bodies.text(item, "name", i);
      String description = Bodies.text(item, "description", i);
      if (name != null && name.isEmpty()) {
        errors.put(i + ".name", "must not be empty");
      }
      if (idText == null) {
        errors.put(i + ".id", "is required");
        continue;
      }
      Optional<UUID> id = Uuids.parse(idText);
      if (id.isEmpty()) {
        errors.put(i + ".id", "must be a UUID");
      } else if (!seen.add(id.get())) {
        errors.put(i + ".id", "repeats an id given earlier in the request");
      } else {
        batch.add(new StoreState.SegmentChange(id.get(), name, description));
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    return Reply.json(putStatus, writeResponse(call.state().updateSegments(batch)));
  }

  /** {@code DELETE /segments}: 204; WITHOUT {@code id:in} IT DELETES EVERY SEGMENT. */
  Reply delete(Call call) {
    Optional<List<UUID>> ids = call.query().idIn();
    if (ids.isPresent()) {
      call.state().deleteSegments(ids.get());
    } else {
      call.state().deleteAllSegments();
    }
    return Reply.noContent();
  }

  private static ObjectNode writeResponse(List<Segment> segments) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("data", Json.segments(segments));
    body.putObject("meta");
    return body;
  }
}
