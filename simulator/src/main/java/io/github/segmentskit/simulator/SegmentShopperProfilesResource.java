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

/** {@code /segments/{segmentId}/shopper-profiles}: the shopper profiles in one segment. */
final class SegmentShopperProfilesResource {

  static final String SEGMENT_ID = "segmentId";

  /** {@code GET}: a page of the segment's profiles; 404 if there is no such segment. */
  Reply list(Call call) {
    UUID segmentId = call.pathUuid(SEGMENT_ID);
    Pagination pagination = Pagination.from(call.query());
    List<ShopperProfile> profiles = call.state().shopperProfilesIn(segmentId);
    return Reply.json(200, pagination.response(profiles, Json::shopperProfile));
  }

  /**
   * {@code POST}: adds 1 to 50 existing profiles; 201 with the profiles added. 404 if there is no
   * such segment; 422 for more than 50 ids, a malformed or repeated id, or an id that names no
   * profile; 409 (the others still added) for profiles already in the segment.
   */
  Reply add(Call call) {
    UUID segmentId = call.pathUuid(SEGMENT_ID);
    if (call.state().segment(segmentId) == null) {
      throw Problem.notFound("Segment not found");
    }
    JsonNode body = Bodies.array(call);
    if (body.size() > Limits.MAX_PROFILES_PER_ADD) {
      throw Problem.unprocessable(
          "body",
          "must hold at most "
              + Limits.MAX_PROFILES_PER_ADD
              + " shopper profile ids per request but held "
              + body.size());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    List<UUID> ids = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      if (!item.isTextual()) {
        throw Problem.badRequest(String.valueOf(i), "must be a string (a shopper profile id)");
      }
      Optional<UUID> id = Uuids.parse(item.asText());
      if (id.isEmpty()) {
        errors.put(String.valueOf(i), "must be a UUID");
      } else if (!seen.add(id.get())) {
        errors.put(String.valueOf(i), "repeats an id given earlier in the request");
      } else {
        ids.add(id.get());
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    BatchResult<ShopperProfile> result = call.state().addToSegment(segmentId, ids);
    if (result.hasConflicts()) {
      return Reply.json(409, result.conflictBody(Json::shopperProfile));
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.set("data", Json.shopperProfiles(result.written()));
    return Reply.json(201, response);
  }

  /** {@code DELETE}: 204; WITHOUT {@code id:in} IT REMOVES EVERY PROFILE FROM THE SEGMENT. */
  Reply remove(Call call) {
    UUID segmentId = call.pathUuid(SEGMENT_ID);
    Optional<List<UUID>> ids = call.query().idIn();
    if (ids.isPresent()) {
      call.state().removeFromSegment(segmentId, ids.get());
    } else {
      call.state().removeAllFromSegment(segmentId);
    }
    return Reply.noContent();
  }
}
