package io.github.segmentskit.contract.strict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The 2xx bodies no correct BigCommerce response would have, for each {@link Shape}: one per rule
 * of issue 15, each made from a body the spec allows by one change, with the problem the client's
 * exception must name. Every body that has content carries {@link #MARKER} (which holds the token)
 * in a field the client ignores, so a message that dumps the body or shows the token is caught.
 */
final class BadBodies {
  static final String TOKEN = "strict-token-5ecret-0123456789";
  static final String MARKER = "BODY-MARKER-" + TOKEN;
  static final String SEGMENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  static final String PROFILE_ID = "7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a";
  static final String JSON = "application/json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> PAGINATION =
      List.of("total", "count", "per_page", "current_page", "total_pages");

  private BadBodies() {}

  /**
   * A body that breaks one rule.
   *
   * @param rule what is wrong, for the test's name
   * @param contentType the media type it is sent with (null: no Content-Type header)
   * @param body the bytes sent
   * @param problem what the exception's message must say
   */
  record BadBody(String rule, String contentType, byte[] body, String problem) {
    @Override
    public String toString() {
      return rule;
    }
  }

  /** A body of {@code shape} the spec allows, with the marker in an unknown top-level field. */
  static ObjectNode valid(Shape shape) {
    ObjectNode body = NODES.objectNode();
    body.put("x_marker", MARKER);
    body.putArray("data").add(shape.segments ? segment() : profile());
    if (shape.paged) {
      ObjectNode pagination = body.putObject("meta").putObject("pagination");
      pagination.put("total", 1).put("count", 1).put("per_page", 50);
      pagination.put("current_page", 1).put("total_pages", 1);
    } else if (shape.hasMeta) {
      body.putObject("meta");
    }
    return body;
  }

  static String text(JsonNode body) {
    return body.toString();
  }

  private static ObjectNode segment() {
    ObjectNode segment = NODES.objectNode();
    segment.put("id", SEGMENT_ID).put("name", "Wholesale buyers");
    segment.put("description", "Customers who order by the case. " + MARKER);
    segment.put("created_at", "2023-11-10T09:15:30Z").put("updated_at", "2024-01-05T08:45:00Z");
    return segment;
  }

  private static ObjectNode profile() {
    ObjectNode profile = NODES.objectNode();
    profile.put("id", PROFILE_ID).put("customer_id", 1042);
    profile.put("created_at", "2023-11-10T09:20:00Z").put("updated_at", "2023-11-10T09:20:00Z");
    return profile;
  }

  /** Every bad body of {@code shape}. */
  static List<BadBody> of(Shape shape) {
    List<BadBody> bodies = new ArrayList<>();
    String valid = text(valid(shape));

    bodies.add(raw("no body", JSON, "", "the body is missing"));
    bodies.add(raw("a blank body", JSON, " \r\n\t ", "the body is blank"));
    bodies.add(raw("the body null", JSON, "null", "the body is null"));
    bodies.add(raw("an empty object", JSON, "{}", "data is missing"));
    bodies.add(raw("a JSON array", JSON, "[" + valid + "]", "could not be read"));
    bodies.add(changed(shape, "data missing", b -> b.remove("data"), "data is missing"));
    bodies.add(changed(shape, "data null", b -> b.putNull("data"), "data is missing"));
    bodies.add(changed(shape, "data an object", b -> b.putObject("data"), "data"));
    bodies.add(changed(shape, "data a string", b -> b.put("data", "[]"), "data"));
    bodies.add(changed(shape, "a null item", b -> b.putArray("data").addNull(), "data[0] is null"));
    bodies.add(
        changed(shape, "an item without id", b -> item(b).remove("id"), "data[0].id is missing"));
    bodies.add(changed(shape, "an id null", b -> item(b).putNull("id"), "data[0].id is missing"));
    String id = shape.segments ? SEGMENT_ID : PROFILE_ID;
    for (String nonCanonical :
        List.of(
            "1-1-1-1-1",
            "P6hfZFcXRWKzwCyWPC9qpg==",
            "{" + id + "}",
            "urn:uuid:" + id,
            id.replace("-", ""),
            " " + id,
            id + " ",
            id.substring(0, 35) + "g",
            "")) {
      bodies.add(
          changed(
              shape,
              "the id \"" + nonCanonical + "\"",
              b -> item(b).put("id", nonCanonical),
              "data[0].id"));
    }
    bodies.add(changed(shape, "an id as a number", b -> item(b).put("id", 12), "data[0].id"));
    bodies.add(changed(shape, "an id as an array", b -> item(b).putArray("id"), "data[0].id"));
    bodies.add(
        changed(
            shape,
            "a date-time without offset",
            b -> item(b).put("created_at", "2023-11-10T09:15:30"),
            "data[0].created_at"));
    bodies.add(
        changed(
            shape,
            "a date-time as epoch seconds",
            b -> item(b).put("created_at", 1699607730),
            "data[0].created_at"));
    bodies.add(
        changed(
            shape,
            "a date-time that is not one",
            b -> item(b).put("updated_at", "yesterday"),
            "data[0].updated_at"));
    if (shape.segments) {
      bodies.add(
          changed(shape, "a name as a number", b -> item(b).put("name", 12), "data[0].name"));
      bodies.add(
          changed(shape, "a name as a boolean", b -> item(b).put("name", true), "data[0].name"));
      bodies.add(
          changed(
              shape,
              "a description as an object",
              b -> item(b).putObject("description"),
              "data[0].description"));
    } else {
      bodies.add(
          changed(
              shape,
              "customer_id as a string",
              b -> item(b).put("customer_id", "1042"),
              "data[0].customer_id"));
      bodies.add(
          changed(
              shape,
              "customer_id as a float",
              b -> item(b).put("customer_id", 1042.0),
              "data[0].customer_id"));
      bodies.add(
          changed(
              shape,
              "customer_id as a fraction",
              b -> item(b).put("customer_id", 1042.5),
              "data[0].customer_id"));
      bodies.add(
          changed(
              shape,
              "customer_id as a boolean",
              b -> item(b).put("customer_id", true),
              "data[0].customer_id"));
      bodies.add(
          changed(
              shape,
              "customer_id 0",
              b -> item(b).put("customer_id", 0),
              "data[0].customer_id must be at least 1"));
      bodies.add(
          changed(
              shape,
              "customer_id negative",
              b -> item(b).put("customer_id", -5),
              "data[0].customer_id must be at least 1"));
      bodies.add(
          rawChanged(
              shape,
              "customer_id past the range of int64",
              "\"customer_id\":1042",
              "\"customer_id\":99999999999999999999",
              "data[0].customer_id"));
    }
    if (shape.paged) {
      bodies.add(changed(shape, "meta missing", b -> b.remove("meta"), "meta is missing"));
      bodies.add(changed(shape, "meta null", b -> b.putNull("meta"), "meta is missing"));
      bodies.add(
          changed(
              shape,
              "pagination missing",
              b -> meta(b).remove("pagination"),
              "meta.pagination is missing"));
      for (String field : PAGINATION) {
        String where = "meta.pagination." + field;
        bodies.add(
            changed(
                shape,
                field + " missing",
                b -> pagination(b).remove(field),
                where + " is missing"));
        bodies.add(changed(shape, field + " null", b -> pagination(b).putNull(field), where));
        bodies.add(
            changed(shape, field + " as a string", b -> pagination(b).put(field, "1"), where));
        bodies.add(
            changed(shape, field + " as a float", b -> pagination(b).put(field, 1.0), where));
        bodies.add(
            changed(shape, field + " as a boolean", b -> pagination(b).put(field, true), where));
        bodies.add(
            changed(
                shape,
                field + " past the range of int",
                b -> pagination(b).put(field, 3_000_000_000L),
                where));
        bodies.add(
            changed(
                shape,
                field + " negative",
                b -> pagination(b).put(field, -1),
                where + " must be at least"));
      }
      bodies.add(
          changed(
              shape,
              "per_page 0",
              b -> pagination(b).put("per_page", 0),
              "meta.pagination.per_page must be at least 1"));
      bodies.add(
          changed(
              shape,
              "current_page 0",
              b -> pagination(b).put("current_page", 0),
              "meta.pagination.current_page must be at least 1"));
      bodies.add(
          changed(
              shape,
              "count that is not the number of items",
              b -> pagination(b).put("count", 2).put("total", 2),
              "count is 2"));
      bodies.add(
          changed(
              shape,
              "current_page not the page asked for",
              b -> pagination(b).put("current_page", 2).put("total", 51).put("total_pages", 2),
              "current_page is 2"));
    } else if (shape.hasMeta) {
      bodies.add(changed(shape, "meta a number", b -> b.put("meta", 5), "meta"));
    }
    bodies.add(raw("text/html", "text/html", valid, "not JSON"));
    bodies.add(raw("text/plain", "text/plain", valid, "not JSON"));
    bodies.add(raw("application/xml", "application/xml", valid, "not JSON"));
    bodies.add(raw("application/jsonx", "application/jsonx", valid, "not JSON"));
    bodies.add(raw("no media type", null, valid, "the media type is missing"));
    bodies.add(raw("a charset not UTF-8", JSON + "; charset=iso-8859-1", valid, "not UTF-8"));
    bodies.add(malformedUtf8(valid, "a truncated sequence", 0xC3, 0x28));
    bodies.add(malformedUtf8(valid, "a lone continuation byte", 0x80, 0x41));
    bodies.add(malformedUtf8(valid, "an overlong slash", 0xC0, 0xAF));
    bodies.add(malformedUtf8(valid, "an encoded surrogate", 0xED, 0xA0, 0x80));
    bodies.add(
        raw(
            "a duplicate key data",
            JSON,
            valid.replaceFirst("\"data\":", "\"data\":[],\"data\":"),
            "Duplicate field 'data'"));
    bodies.add(
        raw(
            "a duplicate key id",
            JSON,
            valid.replaceFirst("\"id\":", "\"id\":\"" + id + "\",\"id\":"),
            "Duplicate field 'id'"));
    bodies.add(raw("a second JSON value", JSON, valid + " {}", "could not be read"));
    bodies.add(raw("a closing bracket after the value", JSON, valid + "]", "could not be read"));
    bodies.add(raw("a word after the value", JSON, valid + " true", "could not be read"));
    return List.copyOf(bodies);
  }

  private static BadBody raw(String rule, String contentType, String body, String problem) {
    return new BadBody(rule, contentType, body.getBytes(StandardCharsets.UTF_8), problem);
  }

  private static BadBody changed(
      Shape shape, String rule, Consumer<ObjectNode> change, String problem) {
    ObjectNode body = valid(shape);
    change.accept(body);
    return raw(rule, JSON, text(body), problem);
  }

  private static BadBody rawChanged(
      Shape shape, String rule, String from, String to, String problem) {
    String valid = text(valid(shape));
    if (!valid.contains(from)) {
      throw new IllegalStateException(rule + ": the valid body has no " + from);
    }
    return raw(rule, JSON, valid.replace(from, to), problem);
  }

  /** {@code valid} with the bytes of a string value replaced by malformed UTF-8. */
  private static BadBody malformedUtf8(String valid, String rule, int... bytes) {
    String placeholder = "@@@";
    String withPlaceholder = valid.replaceFirst(MARKER, placeholder + MARKER);
    byte[] text = withPlaceholder.getBytes(StandardCharsets.UTF_8);
    String asLatin1 = new String(text, StandardCharsets.ISO_8859_1);
    int at = asLatin1.indexOf(placeholder);
    byte[] body = new byte[text.length - placeholder.length() + bytes.length];
    System.arraycopy(text, 0, body, 0, at);
    for (int i = 0; i < bytes.length; i++) {
      body[at + i] = (byte) bytes[i];
    }
    System.arraycopy(
        text,
        at + placeholder.length(),
        body,
        at + bytes.length,
        text.length - at - placeholder.length());
    return new BadBody("malformed UTF-8: " + rule, JSON, body, "not valid UTF-8");
  }

  private static ObjectNode item(ObjectNode body) {
    return (ObjectNode) ((ArrayNode) body.get("data")).get(0);
  }

  private static ObjectNode meta(ObjectNode body) {
    return (ObjectNode) body.get("meta");
  }

  private static ObjectNode pagination(ObjectNode body) {
    return (ObjectNode) meta(body).get("pagination");
  }
}
