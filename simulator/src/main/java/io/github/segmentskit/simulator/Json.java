package io.github.segmentskit.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The one ObjectMapper, and the JSON forms of the simulator's resources. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** ISO-8601 in UTC with a {@code Z}, whole seconds: {@code 2023-11-10T09:15:30Z}. */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  static ObjectNode segment(Segment segment) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", segment.id().toString());
    node.put("name", segment.name());
    node.put("description", segment.description());
    node.put("created_at", timestamp(segment.createdAt()));
    node.put("updated_at", timestamp(segment.updatedAt()));
    return node;
  }

  static ObjectNode shopperProfile(ShopperProfile profile) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", profile.id().toString());
    node.put("customer_id", profile.customerId());
    node.put("created_at", timestamp(profile.createdAt()));
    node.put("updated_at", timestamp(profile.updatedAt()));
    return node;
  }

  static ArrayNode segments(List<Segment> segments) {
    ArrayNode array = MAPPER.createArrayNode();
    segments.forEach(segment -> array.add(segment(segment)));
    return array;
  }

  static ArrayNode shopperProfiles(List<ShopperProfile> profiles) {
    ArrayNode array = MAPPER.createArrayNode();
    profiles.forEach(profile -> array.add(shopperProfile(profile)));
    return array;
  }
}
