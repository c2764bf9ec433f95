package io.github.segmentskit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /shopper-profiles} and {@code /shopper-profiles/{shopperProfileId}/segments}. */
final class ShopperProfilesResource {

  static final String SHOPPER_PROFILE_ID = "shopperProfileId";

  /** {@code GET /shopper-profiles}: a page of the store's profiles. */
  Reply list(Call call) {
    Pagination pagination = Pagination.from(call.query());
    return Reply.json(
        200, pagination.response(call.state().shopperProfiles(), Json::shopperProfile));
  }

  /**
   * {@code POST /shopper-profiles}: 201 with one new profile per {@code customer_id}; 422 if a
   * customer already has one (the spec gives no 409 here), 400 if a {@code customer_id} is not an
   * integer.
   */
  Reply create(Call call) {
    JsonNode body = Bodies.array(call);
    Map<String, String> errors = new LinkedHashMap<>();
    List<Long> customerIds = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = Bodies.object(body.get(i), i);
      JsonNode customerId = item.get("customer_id");
      if (customerId == null || customerId.isNull()) {
        errors.put(i + ".customer_id", "is required");
      } else if (!customerId.isIntegralNumber() || !customerId.canConvertToLong()) {
        throw Problem.badRequest(i + ".customer_id", "must be an integer");
      } else if (customerId.asLong() < 1) {
        errors.put(i + ".customer_id", "must be >= 1");
      } else {
        customerIds.add(customerId.asLong());
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.set("data", Json.shopperProfiles(call.state().createShopperProfiles(customerIds)));
    response.putObject("meta");
    return Reply.json(201, response);
  }

  /** {@code DELETE /shopper-profiles}: 204; WITHOUT {@code id:in} IT DELETES EVERY PROFILE. */
  Reply delete(Call call) {
    Optional<List<UUID>> ids = call.query().idIn();
    if (ids.isPresent()) {
      call.state().deleteShopperProfiles(ids.get());
    } else {
      call.state().deleteAllShopperProfiles();
    }
    return Reply.noContent();
  }

  /** {@code GET /shopper-profiles/{id}/segments}: a page; 404 if there is no such profile. */
  Reply segments(Call call) {
    UUID profileId = call.pathUuid(SHOPPER_PROFILE_ID);
    Pagination pagination = Pagination.from(call.query());
    return Reply.json(200, pagination.response(call.state().segmentsOf(profileId), Json::segment));
  }
}
