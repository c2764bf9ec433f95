package io.github.segmentskit.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads the parts of an error body that {@link ErrorMapper} uses ({@code title}, {@code type},
 * {@code instance}, {@code meta}, the first {@value #MAX_ERRORS} entries of {@code errors}, and the
 * items of {@code data}, which a 409 says were written) in one streaming pass, skipping everything
 * else without building it. An error body may be as large as {@code maxResponseBytes}; the tree of
 * all of it would take about 15 times its size (300,000 tiny field errors in 4 MiB need over 40
 * MiB). Each kept value, and each item of {@code data}, is cut off after {@value
 * #MAX_NODES_PER_VALUE} nodes; {@code data} keeps every item, as a 2xx body's items are all read.
 */
final class ErrorBodyReader {
  /** The most entries of {@code errors} (field errors, or the items of a 409) that are kept. */
  static final int MAX_ERRORS = 100;

  /** The most JSON nodes kept of one value; the rest of it is skipped. */
  static final int MAX_NODES_PER_VALUE = 1_000;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ErrorBodyReader() {}

  /** The used parts of {@code body} as a JSON object, or null if it is not a JSON object. */
  static ObjectNode read(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ObjectNode kept = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "title", "type", "instance", "meta" ->
              kept.set(name, value(parser, new int[] {MAX_NODES_PER_VALUE}));
          case "errors" -> kept.set(name, errors(parser));
          case "data" -> kept.set(name, items(parser));
          default -> parser.skipChildren();
        }
      }
      return kept;
    } catch (IOException | RuntimeException e) {
      return null; // not JSON (or cut short): shown as raw text
    }
  }

  /** The first {@link #MAX_ERRORS} entries of an {@code errors} object or array. */
  private static JsonNode errors(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode errors = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (errors.size() < MAX_ERRORS) {
          errors.set(field, value(parser, new int[] {MAX_NODES_PER_VALUE}));
        } else {
          parser.skipChildren();
        }
      }
      return errors;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode errors = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (errors.size() < MAX_ERRORS) {
          errors.add(value(parser, new int[] {MAX_NODES_PER_VALUE}));
        } else {
          parser.skipChildren();
        }
      }
      return errors;
    }
    return value(parser, new int[] {1});
  }

  /** Every item of a {@code data} array, each within its own node budget. */
  private static JsonNode items(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      return value(parser, new int[] {1});
    }
    ArrayNode items = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(parser, new int[] {MAX_NODES_PER_VALUE}));
    }
    return items;
  }

  /**
   * The value at the parser's current token, with at most {@code budget[0]} nodes; the parser ends
   * on the value's last token.
   */
  private static JsonNode value(JsonParser parser, int[] budget) throws IOException {
    budget[0]--;
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if (budget[0] > 0) {
            object.set(field, value(parser, budget));
          } else {
            parser.skipChildren();
          }
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (budget[0] > 0) {
            array.add(value(parser, budget));
          } else {
            parser.skipChildren();
          }
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }
}
